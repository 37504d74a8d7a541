package org.mnistspark.photos;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * Real handwriting that is not MNIST's: the UCI "optical recognition of handwritten digits" set (Alpaydin
 * and Kaynak, 1998), digits from a preprinted form by 43 writers, each cropped to its ink and kept as 8×8
 * counts (0 to 16) of the ink pixels in 4×4 blocks of a 32×32 bitmap. Its test part (1,797 digits by 13
 * writers) is the copy scikit-learn ships. Written as small scans: 8×8 PNGs of dark ink on white paper.
 */
public final class UciDigits {
    /** The set's folder name. */
    public static final String NAME = "uci-digits";
    /** Where Debian's python3-sklearn keeps scikit-learn's copy. */
    public static final String SKLEARN_COPY_FILE = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz";
    public static final Path SKLEARN_COPY = Path.of(SKLEARN_COPY_FILE);
    private static final int SIDE = 8;
    private static final int LEVELS = 16;

    private UciDigits() {}

    /** One digit: its label and its 64 counts, row by row. */
    private record Digit(int label, int[] counts) {}

    /**
     * Writes every digit of {@code csv} (comma-separated lines of 64 counts then the label, gzipped or
     * not: scikit-learn's {@code digits.csv.gz} or UCI's {@code optdigits.tes}) as
     * {@code out/uci-digits/<digit>/<n>.png} (n counting from 0 in file order), replacing the set if there is
     * one; the whole file is read and checked before anything is written.
     */
    public static int write(Path csv, Path out) throws IOException {
        List<Digit> digits = read(csv);
        Path set = out.resolve(NAME);
        PhotoSets.delete(set);
        for (int i = 0; i < digits.size(); i++) {
            Digit digit = digits.get(i);
            Path folder = Files.createDirectories(set.resolve(Integer.toString(digit.label())));
            ImageIO.write(scan(digit), "png", folder.resolve(String.format("%05d.png", i)).toFile());
        }
        return digits.size();
    }

    private static List<Digit> read(Path csv) {
        List<Digit> digits = new ArrayList<>();
        try (InputStream file = Files.newInputStream(csv);
                BufferedReader lines = new BufferedReader(new InputStreamReader(csv.toString().endsWith(".gz") ? new GZIPInputStream(file) : file,
                        StandardCharsets.US_ASCII))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (!line.isBlank()) {
                    digits.add(parse(line, csv, number));
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(csv + ": no such file (Debian's python3-sklearn installs it at " + SKLEARN_COPY + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(csv + ": cannot read: " + e.getMessage());
        }
        if (digits.isEmpty()) {
            throw new IllegalArgumentException(csv + ": holds no digits");
        }
        return digits;
    }

    private static Digit parse(String line, Path csv, int number) {
        String[] fields = line.strip().split(",");
        int[] counts = new int[SIDE * SIDE];
        boolean valid = fields.length == counts.length + 1;
        for (int i = 0; valid && i < counts.length; i++) {
            counts[i] = whole(fields[i]);
            valid = counts[i] >= 0 && counts[i] <= LEVELS;
        }
        int label = valid ? whole(fields[counts.length]) : -1;
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException(csv + ": line " + number + ": expected 64 counts from 0 to 16 and a label from 0 to 9, separated by commas");
        }
        return new Digit(label, counts);
    }

    /** The whole number a field holds, written as 16 or 16.0 (as a CSV written from floats has it), or -1. */
    private static int whole(String field) {
        try {
            double v = Double.parseDouble(field.strip());
            return v == Math.rint(v) && v >= 0 && v <= Integer.MAX_VALUE ? (int) v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The digit as a scan: 8×8, each count of ink turned into a grey level (16 black, 0 white). */
    private static BufferedImage scan(Digit digit) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < SIDE * SIDE; i++) {
            image.getRaster().setSample(i % SIDE, i / SIDE, 0, Math.round(255f * (LEVELS - digit.counts()[i]) / LEVELS));
        }
        return image;
    }
}
