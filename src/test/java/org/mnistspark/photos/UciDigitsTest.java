package org.mnistspark.photos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.TrainedModel;

/** {@code photos --uci-digits}: the UCI handwritten digits as small scans, and the suite's model reading them. */
class UciDigitsTest {
    /**
     * The suite's weak model (98.24% on MNIST's test set) on the 1,797 real digits of 13 writers: 86.3% measured,
     * 77.8% before small scans were enlarged smoothly and a block the strokes fill took the paper's level beside it.
     */
    private static final double REAL_WRITERS_FLOOR = 0.8;

    @TempDir
    Path dir;

    /** A line of the file: 64 counts, then the label, written as floats (the real file has them as integers). */
    private static String line(int count, int label) {
        return String.join(",", Collections.nCopies(64, count + ".0")) + "," + label + ".0";
    }

    @Test
    void writesEachDigitAsAnEightPixelScanInItsLabelsFolder() throws IOException {
        Path csv = dir.resolve("digits.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(csv))) {
            out.write((line(16, 7) + "\n" + line(0, 3) + "\n" + line(8, 7) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        Cli cli = Cli.run("photos", "--uci-digits", csv.toString(), "--output", dir.resolve("sets").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals("wrote 3 digits under " + dir.resolve("sets/uci-digits"), cli.out().strip());

        Path set = dir.resolve("sets/uci-digits");
        assertEquals(List.of("00000.png", "00002.png"), list(set.resolve("7")));
        assertEquals(List.of("00001.png"), list(set.resolve("3")));
        BufferedImage ink = ImageIO.read(set.resolve("7/00000.png").toFile());
        assertEquals(8, ink.getWidth());
        assertEquals(8, ink.getHeight());
        assertEquals(0, ink.getRaster().getSample(3, 5, 0), "16 of 16 pixels inked is black");
        assertEquals(255, ImageIO.read(set.resolve("3/00001.png").toFile()).getRaster().getSample(0, 0, 0), "none is white paper");
        assertEquals(128, ImageIO.read(set.resolve("7/00002.png").toFile()).getRaster().getSample(7, 7, 0));

        Cli again = Cli.run("photos", "--uci-digits", csv.toString(), "--output", dir.resolve("sets").toString());
        assertEquals(1, again.exitCode());
        assertEquals("error: " + set + ": already exists; write into another --output or add --mode overwrite", again.errorLine());
    }

    @Test
    void aBrokenFileIsRefusedByLineAndNothingIsWritten() throws IOException {
        Path csv = dir.resolve("optdigits.tes");
        Files.writeString(csv, line(16, 7) + "\n" + line(17, 3) + "\n");
        Cli cli = Cli.run("photos", "--uci-digits", csv.toString(), "--output", dir.resolve("sets").toString());
        assertEquals(1, cli.exitCode());
        assertEquals("error: " + csv + ": line 2: expected 64 counts from 0 to 16 and a label from 0 to 9, separated by commas",
                cli.errorLine());
        assertFalse(Files.exists(dir.resolve("sets")));

        Files.writeString(csv, "0,1,2,3\n");
        assertEquals("error: " + csv + ": line 1: expected 64 counts from 0 to 16 and a label from 0 to 9, separated by commas",
                Cli.run("photos", "--uci-digits", csv.toString(), "--output", dir.resolve("sets").toString()).errorLine());

        Path notGzip = dir.resolve("digits.csv.gz");
        Files.writeString(notGzip, line(16, 7));
        assertEquals("error: " + notGzip + ": cannot read: Not in GZIP format",
                Cli.run("photos", "--uci-digits", notGzip.toString(), "--output", dir.resolve("sets").toString()).errorLine());
        assertFalse(Files.exists(dir.resolve("sets")));

        Path missing = dir.resolve("missing.csv");
        Cli none = Cli.run("photos", "--uci-digits", missing.toString(), "--output", dir.resolve("sets").toString());
        assertEquals(1, none.exitCode());
        assertEquals("error: " + missing + ": no such file (Debian's python3-sklearn installs it at " + UciDigits.SKLEARN_COPY + ")",
                none.errorLine());
    }

    @Test
    void theSuitesModelReadsRealOtherWritersDigits() {
        Path digits = TestData.uciDigits();
        assertTrue(Files.exists(digits), digits + " is missing: apt-get install python3-sklearn, or set UCI_DIGITS");
        Path sets = dir.resolve("sets");
        Cli cli = Cli.run("photos", "--uci-digits", digits.toString(), "--output", sets.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals("wrote 1797 digits under " + sets.resolve("uci-digits"), cli.out().strip());

        double accuracy = PhotoSetsScoringTest.accuracy(sets.resolve("uci-digits"), dir.resolve("uci.parquet"));
        System.out.printf("UCI handwritten digits, 1,797 by 13 writers, 8x8, model of %d steps: %.4f%n", TrainedModel.STEPS, accuracy);
        assertTrue(accuracy >= REAL_WRITERS_FLOOR, "accuracy " + accuracy);
    }

    private static List<String> list(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
