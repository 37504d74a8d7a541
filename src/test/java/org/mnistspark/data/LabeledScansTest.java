package org.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.image.ImageDecoder;
import org.mnistspark.image.Preprocessing;
import org.mnistspark.model.InputShape;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.TestSpark;

/** Labelled scans from a folder per class or a CSV, read on real Spark from real files, broken ones skipped with their reasons. */
class LabeledScansTest {
    @TempDir
    static Path dir;

    private static List<Digits.Digit> digits;

    @BeforeAll
    static void digits() {
        digits = Digits.mnistTest(12);
    }

    private static Path png(Path file, byte[] pixels) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(Digits.inkOnPaper(pixels), "png", file.toFile());
        return file;
    }

    private static LabeledScans read(Path source) {
        return LabeledScans.read(TestSpark.session(), source.toString(), Preprocessing.MNIST, InputShape.MNIST);
    }

    private static Map<String, String> reasons(LabeledScans scans) {
        return scans.skipped().stream().collect(Collectors.toMap(s -> new org.apache.hadoop.fs.Path(s.path()).getName(),
                LabeledScans.Skipped::reason));
    }

    /** A path as the reader names it (a URI of any file system) as a local path. */
    private static String local(String path) {
        return new org.apache.hadoop.fs.Path(path).toUri().getPath();
    }

    @Test
    void readsAFolderPerClassAndSkipsWhatCannotBeAnExample() throws IOException {
        Path root = dir.resolve("folders");
        Map<String, Integer> labels = new HashMap<>();
        for (Digits.Digit d : digits) {
            Path file = png(root.resolve(d.label() + "/scan-" + d.index() + ".png"), d.pixels());
            labels.put(file.toUri().getPath(), d.label());
        }
        png(root.resolve("7/more/nested-" + digits.get(0).index() + ".png"), digits.get(0).pixels());
        labels.put(root.resolve("7/more/nested-" + digits.get(0).index() + ".png").toUri().getPath(), 7);
        Files.write(Files.createDirectories(root.resolve("3")).resolve("empty.png"), new byte[0]);
        Files.writeString(root.resolve("3/notes.txt"), "not a picture");
        png(root.resolve("4/blank.png"), new byte[784]);
        png(root.resolve("cats/tabby.png"), digits.get(1).pixels());
        png(root.resolve("12/twelve.png"), digits.get(1).pixels());
        png(root.resolve("loose.png"), digits.get(1).pixels());
        Files.writeString(root.resolve("5/.DS_Store"), "hidden files are no one's examples");

        LabeledScans scans = read(root);

        assertEquals(labels.size(), scans.images().count());
        long[] expected = new long[10];
        labels.values().forEach(l -> expected[l]++);
        assertArrayEquals(expected, scans.perClass());
        assertEquals(Map.of(
                "empty.png", "empty file",
                "notes.txt", "not an image in a known format (JPEG, PNG, GIF, BMP, TIFF)",
                "blank.png", "no ink found: the picture is blank",
                "tabby.png", "in folder 'cats', not a class folder (0-9)",
                "twelve.png", "in folder '12', not a class folder (0-9)",
                "loose.png", "not in a class folder (0-9)"), reasons(scans));
        assertEquals(labels.size() + 6, scans.paths().size());
        for (Row row : scans.images().frame().collectAsList()) {
            String path = local(scans.path(row.getLong(0)));
            assertEquals(labels.get(path), row.getInt(1), path);
            // Exactly the input score gives the model, as bytes.
            float[] input = Preprocessing.MNIST.apply(ImageDecoder.read(Path.of(path)).grey(), 28, 28);
            byte[] image = (byte[]) row.get(2);
            for (int i = 0; i < input.length; i++) {
                assertEquals(Math.round(255 * input[i]), image[i] & 0xff, path + " pixel " + i);
            }
        }
        String printed = scans.describe();
        assertEquals(root + ": " + (labels.size() + 6) + " files, " + labels.size() + " used, 6 skipped; per class: "
                + java.util.stream.IntStream.range(0, 10).mapToObj(c -> c + ": " + expected[c]).collect(Collectors.joining(" ")),
                printed.lines().findFirst().orElseThrow());
        assertEquals(7, printed.lines().count(), printed);
    }

    @Test
    void manyScansTravelInTasksOfAtMostHalfAMebibyte() throws IOException {
        Path root = dir.resolve("many");
        int count = 1500;
        for (int i = 0; i < count; i++) {
            Digits.Digit d = digits.get(i % digits.size());
            png(root.resolve(d.label() + "/scan-" + i + ".png"), d.pixels());
        }

        List<Long> bytesPerTask = read(root).images().frame().javaRDD()
                .mapPartitions(rows -> {
                    long bytes = 0;
                    while (rows.hasNext()) {
                        bytes += ((byte[]) rows.next().get(2)).length;
                    }
                    return List.of(bytes).iterator();
                }).collect();

        assertEquals(count * 784L, bytesPerTask.stream().mapToLong(Long::longValue).sum());
        assertTrue(bytesPerTask.stream().allMatch(b -> b <= 512 * 1024), "image bytes per task: " + bytesPerTask);
    }

    @Test
    void readsACsvOfPathsAndLabels() throws IOException {
        Path root = dir.resolve("csv");
        Path relative = png(root.resolve("scans/a.png"), digits.get(0).pixels());
        Path absolute = png(dir.resolve("elsewhere/b, with a comma.png"), digits.get(1).pixels());
        png(root.resolve("scans/c.png"), digits.get(2).pixels());
        png(root.resolve("scans/d.png"), digits.get(3).pixels());
        Path csv = root.resolve("labels.csv");
        Files.writeString(csv, String.join("\n",
                "path,label",
                "scans/a.png," + digits.get(0).label(),
                "\"" + absolute + "\", " + digits.get(1).label(),
                "scans/c.png,12",
                "scans/d.png,seven",
                "scans/gone.png,3",
                "",
                "scans/no-label.png"));

        LabeledScans scans = read(csv);

        assertEquals(2, scans.images().count());
        List<Row> rows = scans.images().frame().orderBy("index").collectAsList();
        assertEquals(relative.toUri().getPath(), local(scans.path(rows.get(0).getLong(0))));
        assertEquals(digits.get(0).label(), rows.get(0).getInt(1));
        assertEquals(absolute.toUri().getPath(), local(scans.path(rows.get(1).getLong(0))));
        assertEquals(digits.get(1).label(), rows.get(1).getInt(1));
        assertEquals(Map.of(
                "c.png", "label '12' is not a class (0-9)",
                "d.png", "label 'seven' is not a class (0-9)",
                "gone.png", "no such file",
                "no-label.png", "no label (expected path,label)"), reasons(scans));
    }

    @Test
    void refusesAFolderWithoutAUsableImage() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken/3"));
        Files.write(broken.resolve("empty.png"), new byte[0]);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> read(broken.getParent()));
        assertEquals(broken.getParent() + ": none of its 1 files is a usable labelled image (file:" + broken.resolve("empty.png")
                + ": empty file)", none.getMessage());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        IllegalArgumentException nothing = assertThrows(IllegalArgumentException.class, () -> read(empty));
        assertEquals(empty + ": no image files; expected a folder per digit (" + empty + "/0/…, " + empty
                + "/9/…) or a CSV file of path,label rows", nothing.getMessage());

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> read(dir.resolve("nowhere")));
        assertEquals(dir.resolve("nowhere") + ": no such file or directory", missing.getMessage());
    }
}
