package org.mnistspark.train;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.mnistspark.model.InputShape;

/**
 * Labelled examples a program collected itself (a DataFrame given to a Spark ML estimator), in its order,
 * one byte a pixel as the idx source holds them: what a run trains on in place of files. {@code source}
 * names them for the run's files and console.
 */
public record CollectedExamples(String source, InputShape shape, int[] labels, byte[] pixels) {
    public CollectedExamples {
        if (pixels.length != (long) labels.length * shape.pixels()) {
            throw new IllegalArgumentException(pixels.length + " pixels are not " + labels.length + " images of " + shape);
        }
    }

    TrainingSet trainingSet() {
        return new TrainingSet(labels, pixels, shape.pixels());
    }

    /** The MD5 of the labels and pixels: a resumed run checks that it goes on with the same examples. */
    String md5() {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            ByteBuffer labelBytes = ByteBuffer.allocate(labels.length * Integer.BYTES);
            labelBytes.asIntBuffer().put(labels);
            digest.update(labelBytes.array());
            digest.update(pixels);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
