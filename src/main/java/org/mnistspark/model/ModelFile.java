package org.mnistspark.model;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mnistspark.files.AtomicFile;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model on disk: Deeplearning4j's {@link ModelSerializer} zip (weights and updater state), plus a
 * {@value #INFO_ENTRY} entry holding {@link ModelInfo}.
 */
public final class ModelFile {
    static final String INFO_ENTRY = "mnist-spark-info.json";

    /** A loaded model and what it was trained for. */
    public record Loaded(MultiLayerNetwork network, ModelInfo info) {}

    private ModelFile() {}

    /** Writes the model atomically: readers see the previous file or the new one, never half of one. */
    public static void save(MultiLayerNetwork network, ModelInfo info, Path file) throws IOException {
        AtomicFile.write(file, partial -> {
            ModelSerializer.writeModel(network, partial.toFile(), true);
            ModelSerializer.addObjectToFile(partial.toFile(), INFO_ENTRY, info.toJson());
        });
    }

    /**
     * Loads a model and checks that it is one this project can use: a Deeplearning4j network with
     * its info entry, that accepts the declared input and predicts the declared number of classes.
     */
    public static Loaded load(Path file) {
        File f = file.toFile();
        if (!f.isFile()) {
            throw new IllegalArgumentException(file + ": no such model file");
        }
        MultiLayerNetwork network;
        ModelInfo info;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(f, true);
            info = ModelInfo.fromJson(ModelSerializer.getObjectFromFile(f, INFO_ENTRY));
        } catch (Exception e) {
            throw new IllegalArgumentException(file + ": not a model saved by this tool (" + firstLine(e) + ")");
        }
        InputShape shape = info.shape();
        long[] outShape;
        try {
            outShape = network.output(Nd4j.zeros(1, shape.pixels()), false).shape();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": the network does not accept " + shape + " (" + firstLine(e) + ")");
        }
        if (outShape.length != 2 || outShape[1] != shape.classes()) {
            throw new IllegalArgumentException(file + ": the network's output has shape "
                    + java.util.Arrays.toString(outShape) + ", not " + shape.classes() + " classes");
        }
        return new Loaded(network, info);
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
