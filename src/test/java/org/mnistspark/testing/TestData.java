package org.mnistspark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mnistspark.idx.Dataset;
import org.mnistspark.idx.Downloader;
import org.mnistspark.photos.UciDigits;

/**
 * Where the tests find real data: {@code MNIST_DIR} (or {@code FASHION_MNIST_DIR}), else the usual
 * local folder, else the project's own checksummed download into {@code data/}; and the UCI digits.
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

    /**
     * The UCI handwritten digits: {@code UCI_DIGITS}, else scikit-learn's copy (Debian's python3-sklearn),
     * else {@code data/uci-digits.csv.gz}, where {@code .ci/run} puts that one file of the package.
     */
    public static Path uciDigits() {
        String configured = System.getenv("UCI_DIGITS");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path local = Path.of("data/uci-digits.csv.gz");
        return Files.exists(UciDigits.SKLEARN_COPY) || !Files.exists(local) ? UciDigits.SKLEARN_COPY : local;
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
