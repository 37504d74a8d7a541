package org.mnistspark.model;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.HashMap;
import java.util.function.Function;
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
        // ModelSerializer adds an entry to a zip only in a local file: the zip is built here, then published.
        Path local = Files.createTempFile("mnist-spark-model", ".zip");
        try {
            ModelSerializer.writeModel(network, local.toFile(), true);
            ModelSerializer.addObjectToFile(local.toFile(), INFO_ENTRY, info.toJson());
            for (Map.Entry<String, INDArray> array : arrays.entrySet()) {
                ModelSerializer.addObjectToFile(local.toFile(), ARRAY_PREFIX + array.getKey(), Nd4j.toByteArray(array.getValue()));
            }
            Storage.write(location, conf, out -> Files.copy(local, out));
        } finally {
            Files.deleteIfExists(local);
        }
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
