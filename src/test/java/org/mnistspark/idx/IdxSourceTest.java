package org.mnistspark.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.image.Slant;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.TestSpark;

class IdxSourceTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path dir;

    @Test
    void readsRealMnistTestSet() {
        Dataset<Row> frame = spark.read().format("idx")
                .load(TestData.mnist().resolve("t10k-images-idx3-ubyte.gz").toString());

        assertEquals("struct<index:bigint,label:int,image:binary>", frame.schema().simpleString());
        assertEquals(28, frame.schema().apply("image").metadata().getLong("rows"));
        assertEquals(28, frame.schema().apply("image").metadata().getLong("cols"));
        assertFalse(frame.schema().apply("image").metadata().getBoolean("upright"));
        assertEquals(10_000, frame.count());
        List<Row> first = frame.orderBy("index").limit(3).collectAsList();
        // The first three MNIST test digits are 7, 2, 1.
        assertEquals(List.of(7, 2, 1), first.stream().map(r -> r.getInt(1)).toList());
        assertEquals(List.of(0L, 1L, 2L), first.stream().map(r -> r.getLong(0)).toList());
        assertEquals(784, ((byte[]) first.get(0).get(2)).length);
        assertEquals(10_000, frame.groupBy("index").count().count());
    }

    @Test
    void readsEachDigitUprightOnItsFieldWhenAsked() {
        String file = TestData.mnist().resolve("t10k-images-idx3-ubyte.gz").toString();
        List<Row> raw = spark.read().format("idx").load(file).orderBy("index").limit(300).collectAsList();
        Dataset<Row> frame = spark.read().format("idx").option("upright", true).load(file);
        List<Row> upright = frame.orderBy("index").limit(300).collectAsList();

        assertEquals(28, frame.schema().apply("image").metadata().getLong("rows"));
        assertTrue(frame.schema().apply("image").metadata().getBoolean("upright"), "what a DigitClassifier fitted on them records");
        int changed = 0;
        for (int i = 0; i < raw.size(); i++) {
            byte[] digit = (byte[]) raw.get(i).get(2);
            byte[] read = (byte[]) upright.get(i).get(2);
            assertEquals(raw.get(i).getInt(1), upright.get(i).getInt(1), "label of digit " + i);
            assertArrayEquals(Slant.removedInField(digit, 28, 28), read, "digit " + i);
            changed += Arrays.equals(digit, read) ? 0 : 1;
        }
        assertTrue(changed > 270, changed + " of 300 digits straightened: MNIST's writers lean");
    }

    @Test
    void uprightIsTrueOrFalse() {
        String file = TestData.mnist().resolve("t10k-images-idx3-ubyte.gz").toString();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spark.read().format("idx").option("upright", "yes").load(file));
        assertEquals("upright must be true or false, not yes", e.getMessage());
    }

    @Test
    void readsRawFilesAcrossPartitionsInOrder() throws IOException {
        byte[][] images = new byte[7][];
        byte[] labels = new byte[7];
        for (int i = 0; i < images.length; i++) {
            images[i] = new byte[] {(byte) i, (byte) (200 + i), 0, (byte) 255, 1, 2};
            labels[i] = (byte) (i % 3);
        }
        IdxWriter.writeImages(dir.resolve("set-images-idx3-ubyte"), 2, 3, images);
        IdxWriter.writeLabels(dir.resolve("set-labels-idx1-ubyte"), labels);

        Dataset<Row> frame = spark.read().format("idx").option("recordsPerPartition", "3")
                .load(dir.resolve("set-images-idx3-ubyte").toString());

        assertEquals(3, frame.rdd().getNumPartitions());
        List<Row> rows = frame.collectAsList();
        assertEquals(7, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i, rows.get(i).getLong(0));
            assertEquals(i % 3, rows.get(i).getInt(1));
            assertArrayEquals(images[i], (byte[]) rows.get(i).get(2));
        }
        assertEquals(2, frame.schema().apply("image").metadata().getLong("rows"));
        assertEquals(3, frame.schema().apply("image").metadata().getLong("cols"));
    }

    @Test
    void aQueryWithoutImagesReadsTheLabelFileAlone() throws IOException {
        IdxWriter.writeImages(dir.resolve("set-images-idx3-ubyte"), 1, 1, new byte[][] {{1}, {2}, {3}});
        IdxWriter.writeLabels(dir.resolve("set-labels-idx1-ubyte"), new byte[] {4, 5, 6});
        Dataset<Row> frame = spark.read().format("idx").load(dir.resolve("set-images-idx3-ubyte").toString());

        // Once the source has checked it, the image file is not opened again unless a query needs its images.
        Files.delete(dir.resolve("set-images-idx3-ubyte"));

        assertEquals(List.of(4, 5, 6), frame.select("label").collectAsList().stream().map(r -> r.getInt(0)).toList());
        assertEquals(List.of(2L, 6), frame.select("index", "label").where("label = 6").collectAsList().stream()
                .flatMap(r -> java.util.stream.Stream.of(r.get(0), r.get(1))).toList());
    }

    @Test
    void takesTheLabelFileFromAnOption() throws IOException {
        IdxWriter.writeImages(dir.resolve("digits.idx"), 1, 1, new byte[][] {{9}, {8}});
        IdxWriter.writeLabels(dir.resolve("answers.idx.gz"), new byte[] {4, 5});

        List<Row> rows = spark.read().format("idx").option("labels", dir.resolve("answers.idx.gz").toString())
                .load(dir.resolve("digits.idx").toString()).collectAsList();

        assertEquals(List.of(4, 5), rows.stream().map(r -> r.getInt(1)).toList());
    }

    @Test
    void missingImageFile() {
        Path images = dir.resolve("train-images-idx3-ubyte");
        assertError(images, images + ": no such file");
    }

    @Test
    void missingLabelFile() throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte");
        IdxWriter.writeImages(images, 1, 1, new byte[][] {{1}});
        assertError(images, dir.resolve("train-labels-idx1-ubyte") + ": no such file");
    }

    @Test
    void unpairableName() throws IOException {
        Path images = dir.resolve("pictures.bin");
        IdxWriter.writeImages(images, 1, 1, new byte[][] {{1}});
        assertError(images, images + ": cannot find its label file: the name has no 'images-idx3' to pair; give the 'labels' option");
    }

    @Test
    void wrongMagicNumber() throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        IdxWriter.writeLabels(images, new byte[] {1, 2});
        writeLabels(2);
        assertError(images, images + ": not an IDX image file: magic number 2049, expected 2051");
    }

    @Test
    void labelFileWithImageMagic() throws IOException {
        Path images = writeImages(2);
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        IdxWriter.writeImages(labels, 1, 1, new byte[][] {{1}, {2}});
        assertError(images, labels + ": not an IDX label file: magic number 2051, expected 2049");
    }

    @Test
    void truncatedImageFile() throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte");
        IdxWriter.writeImages(images, 2, 2, new byte[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(whole, whole.length - 3));
        writeLabels(2);
        assertError(images, images + ": truncated: the header declares 2 records of 4 bytes (24 bytes in all) but the file holds 21");
    }

    @Test
    void fileTooShortForAHeader() throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte");
        Files.write(images, new byte[] {0, 0});
        writeLabels(1);
        assertError(images, images + ": too short to hold an IDX header");
    }

    @Test
    void trailingBytes() throws IOException {
        Path images = writeImages(2);
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        byte[] raw = {0, 0, 8, 1, 0, 0, 0, 2, 1, 2, 3};
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(labels))) {
            out.write(raw);
        }
        assertError(images, labels + ": 1 bytes beyond the 2 records the header declares");
    }

    @Test
    void countsDisagree() throws IOException {
        Path images = writeImages(3);
        writeLabels(2);
        assertError(images, images + ": holds 3 images but " + dir.resolve("train-labels-idx1-ubyte.gz") + " holds 2 labels");
    }

    @Test
    void corruptGzip() throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        byte[][] noise = new byte[50][100];
        java.util.Random random = new java.util.Random(1);
        for (byte[] image : noise) {
            random.nextBytes(image);
        }
        IdxWriter.writeImages(images, 10, 10, noise);
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(whole, whole.length / 2));
        writeLabels(50);
        IdxException e = assertThrows(IdxException.class, () -> load(images));
        assertEquals(true, e.getMessage().startsWith(images + ": corrupt or truncated gzip data"), e.getMessage());
    }

    private Path writeImages(int count) throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        IdxWriter.writeImages(images, 1, 2, new byte[count][2]);
        return images;
    }

    private void writeLabels(int count) throws IOException {
        IdxWriter.writeLabels(dir.resolve("train-labels-idx1-ubyte.gz"), new byte[count]);
    }

    private void load(Path images) {
        spark.read().format("idx").load(images.toString()).count();
    }

    private void assertError(Path images, String message) {
        IdxException e = assertThrows(IdxException.class, () -> load(images));
        assertEquals(message, e.getMessage());
    }
}
