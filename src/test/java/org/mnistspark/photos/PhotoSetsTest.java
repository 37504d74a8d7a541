package org.mnistspark.photos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.image.ImageDecoder;
import org.mnistspark.testing.TestData;

/** The generated sets as files: their layout, that a seed fixes every byte, that the project reads every picture. */
class PhotoSetsTest {
    private static final int PER_DIGIT = 4;

    @TempDir
    Path dir;

    private Path write(String name, long seed) throws IOException {
        Path out = dir.resolve(name);
        PhotoSets.write(TestData.mnist().toString(), out, PER_DIGIT, seed);
        return out;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void oneFolderPerDigitInEachSetAlternatelyJpegAndPng() throws IOException {
        Path out = write("sets", 7);
        try (Stream<Path> sets = Files.list(out)) {
            assertEquals(PhotoSets.NAMES, sets.map(p -> p.getFileName().toString()).sorted(
                    java.util.Comparator.comparingInt(PhotoSets.NAMES::indexOf)).toList());
        }
        for (String set : PhotoSets.NAMES) {
            for (int digit = 0; digit < 10; digit++) {
                Path folder = out.resolve(set).resolve(Integer.toString(digit));
                assertEquals(List.of("00000.jpg", "00001.png", "00002.jpg", "00003.png"),
                        files(folder).stream().map(p -> p.getFileName().toString()).toList(), folder.toString());
            }
        }
        assertEquals(4 * 10 * PER_DIGIT, files(out).size());
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws IOException {
        Path first = write("first", 7);
        Path again = write("again", 7);
        Path other = write("other", 8);
        List<Path> files = files(first);
        for (Path file : files) {
            Path relative = first.relativize(file);
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again.resolve(relative)), relative.toString());
        }
        long differing = 0;
        for (Path file : files) {
            if (!java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(other.resolve(first.relativize(file))))) {
                differing++;
            }
        }
        assertEquals(files.size(), differing, "files that differ under another seed");
    }

    @Test
    void oneWritersSetIsEveryDigitInTheirHandAnotherSeedOtherPicturesOfIt() throws IOException {
        Path first = dir.resolve("first");
        PhotoSets.writeOneWriter(3, first, PER_DIGIT, 1);
        Path again = dir.resolve("again");
        PhotoSets.writeOneWriter(3, again, PER_DIGIT, 1);
        Path otherSeed = dir.resolve("other-seed");
        PhotoSets.writeOneWriter(3, otherSeed, PER_DIGIT, 2);
        Path otherWriter = dir.resolve("other-writer");
        PhotoSets.writeOneWriter(4, otherWriter, PER_DIGIT, 1);

        List<Path> files = files(first);
        assertEquals(10 * PER_DIGIT, files.size());
        assertEquals(List.of("00000.jpg", "00001.png", "00002.jpg", "00003.png"),
                files(first.resolve("writer-3/7")).stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : files) {
            Path relative = first.relativize(file);
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again.resolve(relative)), relative.toString());
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(otherSeed.resolve(relative))), relative.toString());
            Path theirs = otherWriter.resolve("writer-4").resolve(first.resolve("writer-3").relativize(file));
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(theirs)), relative.toString());
        }
    }

    @Test
    void everyPictureDecodesInTheFormatItsNameSays() throws IOException {
        Path out = write("sets", 3);
        List<Path> files = files(out);
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            ImageDecoder.Decoded decoded = ImageDecoder.decode(Files.readAllBytes(file), ImageDecoder.DEFAULT_MAX_PIXELS);
            String expected = file.toString().endsWith(".jpg") ? "jpeg" : "png";
            if (!decoded.format().equals(expected) || decoded.width() < 20 || decoded.height() < 20) {
                failures.add(file + ": " + decoded.format() + " " + decoded.width() + "x" + decoded.height());
            }
        }
        assertEquals(List.of(), failures);
        assertFalse(files.isEmpty());
    }

    @Test
    void aMissingMnistFolderIsNamedInTheError() {
        Path missing = dir.resolve("no-mnist");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> PhotoSets.write(missing.toString(), dir.resolve("out"), 1, 1));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
