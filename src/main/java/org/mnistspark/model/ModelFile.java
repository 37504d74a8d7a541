package org.mnistspark.model;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
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
            objects.put(ARRAY_PREFIX + array.getKey(), Nd4j.toByteArray(array.getValue()));
        }
        Storage.write(location, conf, out -> writeZip(network, objects, out));
    }

    /**
     * The zip that {@link ModelSerializer#writeModel} writes with its updater, holding {@code objects} as
     * {@link ModelSerializer#addObjectToFile} adds them, in one pass: adding an entry to a written zip
     * decompresses and compresses all of it again. Floats hardly compress, so at the fastest level.
     */
    private static void writeZip(MultiLayerNetwork network, Map<String, Object> objects, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16));
        zip.setLevel(Deflater.BEST_SPEED);
        // ND4J writes an array one value at a time: buffered, the compressor sees them in blocks.
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(zip, 1 << 16));
        zip.putNextEntry(new ZipEntry(CONFIGURATION_ENTRY));
        data.write(network.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8));
        data.flush();
        zip.putNextEntry(new ZipEntry(PARAMETERS_ENTRY));
        Nd4j.write(network.params(), data);
        data.flush();
        INDArray updaterState = network.getUpdater().getStateViewArray();
        if (updaterState != null && updaterState.length() > 0) {
            zip.putNextEntry(new ZipEntry(UPDATER_ENTRY));
            Nd4j.write(updaterState, data);
            data.flush();
        }
        for (Map.Entry<String, Object> object : objects.entrySet()) {
            zip.putNextEntry(new ZipEntry(OBJECTS_FOLDER + object.getKey()));
            ObjectOutputStream serialized = new ObjectOutputStream(data);
            serialized.writeObject(object.getValue());
            serialized.flush();
        }
        zip.finish();
        zip.flush();
    }

    /**
     * Loads a model and checks that it is one this project can use: a Deeplearning4j network with
     * its info entry, that accepts the declared input and predicts the declared number of classes.
     */
    public static Loaded load(String location, Configuration conf) {
        return readLocally(location, conf, file -> check(location, file));
    }

    /** What the model file says of itself, without loading its network. */
    public static ModelInfo info(String location, Configuration conf) {
        return readLocally(location, conf, file -> {
            try {
                return ModelInfo.fromJson(ModelSerializer.getObjectFromFile(file, INFO_ENTRY));
            } catch (Exception e) {
                throw new IllegalArgumentException(location + ": not a model saved by this tool (" + firstLine(e) + ")");
            }
        });
    }

    /** Deeplearning4j reads a model only from a local file: {@code read} gets a copy, deleted afterwards. */
    private static <T> T readLocally(String location, Configuration conf, Function<File, T> read) {
        Path local;
        try {
            local = Files.createTempFile("mnist-spark-model", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            try (InputStream in = Storage.open(location, conf)) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            } catch (FileNotFoundException e) {
                throw new IllegalArgumentException(location + ": no such model file");
            } catch (IOException e) {
                throw new IllegalArgumentException(location + ": cannot read: " + e.getMessage());
            }
            return read.apply(local.toFile());
        } finally {
            local.toFile().delete();
        }
    }

    private static Loaded check(String location, File file) {
        MultiLayerNetwork network;
        ModelInfo info;
        Map<String, INDArray> arrays = new HashMap<>();
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(file, true);
            info = ModelInfo.fromJson(ModelSerializer.getObjectFromFile(file, INFO_ENTRY));
            for (String entry : ModelSerializer.listObjectsInFile(file)) {
                if (entry.startsWith(ARRAY_PREFIX)) {
                    byte[] array = ModelSerializer.getObjectFromFile(file, entry);
                    arrays.put(entry.substring(ARRAY_PREFIX.length()), Nd4j.fromByteArray(array));
                }
            }
        } catch (Exception e) {
            throw new IllegalArgumentException(location + ": not a model saved by this tool (" + firstLine(e) + ")");
        }
        InputShape shape = info.shape();
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
        return new Loaded(network, info, Map.copyOf(arrays));
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
