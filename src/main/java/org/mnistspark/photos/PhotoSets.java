package org.mnistspark.photos;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Labelled sets of pictures of digits that are not plain MNIST, for measuring and testing how the
 * model reads users' scans. Each set is a folder of one folder per digit ({@code OUT/<set>/<digit>/<nnnnn>.jpg}
 * or {@code .png}, alternately), the layout of torchvision's ImageFolder. The same seed gives the same files.
 */
public final class PhotoSets {
    /** The sets, in the order they are written. */
    public static final List<String> NAMES = List.of("mnist-photo", "other-writers", "pens", "form-boxes");

    private PhotoSets() {}

    /**
     * Writes {@code perDigit} pictures of each digit in each set under {@code out}, replacing any set
     * folder already there; MNIST's test set is read from {@code mnistDir}.
     */
    public static void write(String mnistDir, Path out, int perDigit, long seed) throws IOException {
        List<PhotoSet> sets = List.of(MnistPhotos.open(mnistDir, perDigit), new OtherWriters(), new Pens(), new FormBoxes());
        for (int s = 0; s < sets.size(); s++) {
            write(sets.get(s), out, perDigit, seed * 31 + s);
        }
    }

    /**
     * Writes {@code perDigit} pictures of each digit in one person's hand, set {@code writer-<writer>}
     * under {@code out}: the same writer with another seed gives other pictures of the same hand.
     */
    public static void writeOneWriter(long writer, Path out, int perDigit, long seed) throws IOException {
        write(new OneWriter(writer), out, perDigit, seed * 31 + NAMES.size());
    }

    /** The folder name of one writer's set. */
    public static String oneWriterSet(long writer) {
        return "writer-" + writer;
    }

    private static void write(PhotoSet set, Path out, int perDigit, long setSeed) throws IOException {
        // A set written earlier with more pictures a digit would otherwise keep its extra files.
        delete(out.resolve(set.name()));
        for (int digit = 0; digit < 10; digit++) {
            Path folder = Files.createDirectories(out.resolve(set.name()).resolve(Integer.toString(digit)));
            int d = digit;
            // Every picture has a generator of its own, so the files do not depend on the order they are drawn in.
            IntStream.range(0, perDigit).parallel().forEach(n -> {
                BufferedImage picture = set.render(d, n, new Random((setSeed * 10 + d) * 1_000_003L + n));
                try {
                    Pictures.write(picture, folder.resolve(String.format("%05d.%s", n, n % 2 == 0 ? "jpg" : "png")));
                } catch (IOException e) {
                    throw new UncheckedIOException(folder + ": cannot write: " + e.getMessage(), e);
                }
            });
        }
    }

    /** The sets of which {@code out} already holds a folder. */
    public static List<String> present(Path out) {
        return NAMES.stream().filter(name -> Files.exists(out.resolve(name))).toList();
    }

    /** The label of a picture in a set: the name of its folder. */
    public static int label(String path) {
        String[] parts = path.split("/");
        return Integer.parseInt(parts[parts.length - 2]);
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
