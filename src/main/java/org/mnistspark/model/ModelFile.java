package org.mnistspark.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mnistspark.files.Storage;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model file, on any file system Hadoop reaches: Deeplearning4j's {@link ModelSerializer} zip
 * (weights and updater state), plus a {@value #INFO_ENTRY} entry holding {@link ModelInfo}, and
 * named arrays beside the network, each in an entry {@value #ARRAY_PREFIX}NAME in ND4J's binary
 * form: a checkpoint keeps there what the training holds besides the network.
 */
public final class ModelFile {
    static final String INFO_ENTRY = "mnist-spark-info.json";
    /** The entries of Deeplearning4j's own format, which its ModelSerializer reads. */
    private static final String CONFIGURATION_ENTRY = "configuration.json";
    private static final String PARAMETERS_ENTRY = "coefficients.bin";
    private static final String UPDATER_ENTRY = "updaterState.bin";
    private static final String OBJECTS_FOLDER = "objects/";
    private static final String ARRAY_PREFIX = "mnist-spark-array-";

    /** A loaded model, what it was trained for, and the arrays saved beside it, by name (none beside a trained model). */
    public record Loaded(MultiLayerNetwork network, ModelInfo info, Map<String, INDArray> arrays) {
        /** Class probabilities at the model's temperature, one row per row of {@code features}. */
        public INDArray predict(INDArray features) {
            return Temperature.apply(network.output(features, false), info.temperature());
        }
    }

    private ModelFile() {}

    /** Writes the model atomically: readers see the previous file or the new one, never half of one. */
    public static void save(MultiLayerNetwork network, ModelInfo info, String location, Configuration conf) throws IOException {
        save(network, info, Map.of(), location, conf);
    }

    /** Writes the model with {@code arrays} beside it, by name, atomically as a model alone. */
    public static void save(MultiLayerNetwork network, ModelInfo info, Map<String, INDArray> arrays, String location, Configuration conf)
            throws IOException {
        Map<String, Object> objects = new LinkedHashMap<>();
        objects.put(INFO_ENTRY, info.toJson());
        for (Map.Entry<String, INDArray> array : arrays.entrySet()) {
            objects.put(ARRAY_PREFIX + array.getKey(), NdArrayFormat.toBytes(array.getValue()));
        }
        Storage.write(location, conf, out -> writeZip(network, objects, out));
    }

    /**
     * The zip that {@link ModelSerializer#writeModel} writes with its updater, holding {@code objects} as
     * {@link ModelSerializer#addObjectToFile} adds them, in one pass: adding an entry to a written zip
     * decompresses and compresses all of it again.
     */
    private static void writeZip(MultiLayerNetwork network, Map<String, Object> objects, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16));
        store(zip, CONFIGURATION_ENTRY, network.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8));
        store(zip, PARAMETERS_ENTRY, NdArrayFormat.toBytes(network.params()));
        INDArray updaterState = network.getUpdater().getStateViewArray();
        if (updaterState != null && updaterState.length() > 0) {
            store(zip, UPDATER_ENTRY, NdArrayFormat.toBytes(updaterState));
        }
        for (Map.Entry<String, Object> object : objects.entrySet()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream serialized = new ObjectOutputStream(bytes)) {
                serialized.writeObject(object.getValue());
            }
            store(zip, OBJECTS_FOLDER + object.getKey(), bytes.toByteArray());
        }
        zip.finish();
        zip.flush();
    }

    /**
     * An entry stored as it is: floats hardly compress (a model's 39 MB deflate to 36), and deflating and
     * inflating them took most of the time of saving and loading a model.
     */
    private static void store(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Loads a model and checks that it is one this project can use: a Deeplearning4j network with
     * its info entry, that accepts the declared input and predicts the declared number of classes.
     */
    public static Loaded load(String location, Configuration conf) {
        Map<String, byte[]> entries = entries(location, conf, null);
        MultiLayerNetwork network;
        ModelInfo info;
        Map<String, INDArray> arrays = new HashMap<>();
        try {
            network = network(entries);
            info = info(entries);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                String name = entry.getKey();
                if (name.startsWith(OBJECTS_FOLDER + ARRAY_PREFIX)) {
                    byte[] array = (byte[]) object(entry.getValue());
                    arrays.put(name.substring(OBJECTS_FOLDER.length() + ARRAY_PREFIX.length()), NdArrayFormat.read(new ByteArrayInputStream(array)));
                }
            }
        } catch (Exception e) {
            throw notAModel(location, e);
        }
        check(location, network, info.shape());
        return new Loaded(network, info, Map.copyOf(arrays));
    }

    /** What the model file says of itself, without building its network. */
    public static ModelInfo info(String location, Configuration conf) {
        Map<String, byte[]> entries = entries(location, conf, OBJECTS_FOLDER + INFO_ENTRY);
        try {
            return info(entries);
        } catch (Exception e) {
            throw notAModel(location, e);
        }
    }

    /** The zip's entries by name, read in one pass from any file system, up to and including {@code last} (null: all). */
    private static Map<String, byte[]> entries(String location, Configuration conf, String last) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Storage.open(location, conf), 1 << 16))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
                if (entry.getName().equals(last)) {
                    break;
                }
            }
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(location + ": no such model file");
        } catch (ZipException | EOFException e) {
            throw notAModel(location, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(location + ": cannot read: " + e.getMessage());
        }
        return entries;
    }

    /** The network as {@link ModelSerializer#restoreMultiLayerNetwork} builds it, with its updater's state. */
    private static MultiLayerNetwork network(Map<String, byte[]> entries) throws IOException {
        MultiLayerConfiguration configuration = MultiLayerConfiguration.fromJson(new String(entry(entries, CONFIGURATION_ENTRY), StandardCharsets.UTF_8));
        INDArray parameters = NdArrayFormat.read(new ByteArrayInputStream(entry(entries, PARAMETERS_ENTRY)));
        configuration.setDataType(parameters.dataType());
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init(parameters, false);
        byte[] updaterState = entries.get(UPDATER_ENTRY);
        if (updaterState != null) {
            network.getUpdater().setStateViewArray(network, NdArrayFormat.read(new ByteArrayInputStream(updaterState)), false);
        }
        return network;
    }

    private static ModelInfo info(Map<String, byte[]> entries) throws IOException, ClassNotFoundException {
        return ModelInfo.fromJson((String) object(entry(entries, OBJECTS_FOLDER + INFO_ENTRY)));
    }

    private static byte[] entry(Map<String, byte[]> entries, String name) throws IOException {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IOException("no entry " + name);
        }
        return bytes;
    }

    /** An object as {@link ModelSerializer#addObjectToFile} stores it: Java-serialized. */
    private static Object object(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private static void check(String location, MultiLayerNetwork network, InputShape shape) {
        long[] outShape;
        try {
            outShape = network.output(Nd4j.zeros(1, shape.pixels()), false).shape();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(location + ": the network does not accept " + shape + " (" + firstLine(e) + ")");
        }
        if (outShape.length != 2 || outShape[1] != shape.classes()) {
            throw new IllegalArgumentException(location + ": the network's output has shape "
                    + java.util.Arrays.toString(outShape) + ", not " + shape.classes() + " classes");
        }
    }

    private static IllegalArgumentException notAModel(String location, Exception e) {
        return new IllegalArgumentException(location + ": not a model saved by this tool (" + firstLine(e) + ")");
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
