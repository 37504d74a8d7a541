package org.mnistspark.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mnistspark.idx.IdxWriter;

/** A data directory of blank 28×28 digits labelled 0, in the four MNIST files: for tests of mechanics and errors. */
public final class BlankDataset {
    private BlankDataset() {}

    public static Path write(Path data, int trainImages, int trainLabels) throws IOException {
        Files.createDirectories(data);
        IdxWriter.writeImages(data.resolve("train-images-idx3-ubyte.gz"), 28, 28, new byte[trainImages][784]);
        IdxWriter.writeLabels(data.resolve("train-labels-idx1-ubyte.gz"), new byte[trainLabels]);
        IdxWriter.writeImages(data.resolve("t10k-images-idx3-ubyte.gz"), 28, 28, new byte[10][784]);
        IdxWriter.writeLabels(data.resolve("t10k-labels-idx1-ubyte.gz"), new byte[10]);
        return data;
    }
}
