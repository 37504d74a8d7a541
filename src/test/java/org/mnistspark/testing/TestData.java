package org.mnistspark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mnistspark.idx.Dataset;
import org.mnistspark.idx.Downloader;

/**
 * Where the tests find real data: {@code MNIST_DIR} (or {@code FASHION_MNIST_DIR}), else the usual
 * local folder, else the project's own checksummed download into {@code data/}.
 */
public final class TestData {
    private TestData() {}

    public static Path mnist() {
        return locate("MNIST_DIR", List.of(Path.of("data/mnist")), Dataset.MNIST);
    }

    public static Path fashion() {
        return locate("FASHION_MNIST_DIR",
                List.of(Path.of("/usr/share/datasets/fashion-mnist"), Path.of("data/fashion")), Dataset.FASHION);
    }

    private static Path locate(String variable, List<Path> usual, Dataset dataset) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir : usual) {
            if (Files.isRegularFile(dir.resolve("t10k-labels-idx1-ubyte.gz"))) {
                return dir;
            }
        }
        Path target = usual.get(usual.size() - 1);
        try {
            new Downloader(System.out::println).download(dataset, target, dataset.mirrors());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
