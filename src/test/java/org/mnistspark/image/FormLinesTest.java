package org.mnistspark.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.mnistspark.photos.FormBoxes;
import org.mnistspark.photos.PaperPhotos;
import org.mnistspark.testing.Digits;

/** {@code --preprocess mnist} reads the digit, not the printed box or the rules around it. */
class FormLinesTest {
    private static final int SEEDS = 5;

    /** The 28×28 input of a scan, with or without clearing printed lines. */
    private static float[] input(BufferedImage scan, boolean clearLines) {
        return MnistStyle.apply(GreyImage.of(scan), 28, 28, clearLines);
    }

    @Test
    void picturesWithoutLinesGiveExactlyTheInputTheyGaveBefore() {
        List<Digits.Digit> digits = Digits.mnistTest(200);
        Random random = new Random(3);
        List<GreyImage> plain = new ArrayList<>();
        for (Digits.Digit digit : digits) {
            plain.add(GreyImage.of(Digits.inkOnPaper(digit.pixels())));
            if (digit.index() < 100) {
                plain.add(GreyImage.of(PaperPhotos.render(digit.pixels(), random)));
                plain.add(tightCrop(digit.pixels()));
            }
        }
        for (int i = 0; i < 100; i++) {
            plain.add(GreyImage.of(FormBoxes.scan(i % 10, FormBoxes.Layout.values()[i % 4], new Random(i), false)));
        }
        for (GreyImage picture : plain) {
            assertArrayEquals(MnistStyle.apply(picture, 28, 28, false), MnistStyle.apply(picture, 28, 28, true));
        }
    }

    @Test
    void boxedRuledAndSquaredScansGiveAboutTheUnprintedScansInput() {
        for (FormBoxes.Layout layout : FormBoxes.Layout.values()) {
            double now = 0;
            double before = 0;
            for (int digit = 0; digit < 10; digit++) {
                for (int seed = 0; seed < SEEDS; seed++) {
                    float[] unprinted = input(FormBoxes.scan(digit, layout, new Random(seed), false), true);
                    BufferedImage printed = FormBoxes.scan(digit, layout, new Random(seed), true);
                    float[] cleared = input(printed, true);
                    now += meanAbsoluteDifference(cleared, unprinted);
                    before += meanAbsoluteDifference(input(printed, false), unprinted);
                    String scan = layout + " digit " + digit + " seed " + seed;
                    assertTrue(border(cleared) <= border(unprinted) + 0.25, "ink along the border of " + scan + ": " + border(cleared));
                }
            }
            now /= 10 * SEEDS;
            before /= 10 * SEEDS;
            System.out.printf("%s: mean absolute difference from the unprinted scan's input %.4f (lines kept: %.4f)%n", layout, now, before);
            assertTrue(now <= 0.035, layout + ": " + now);
            assertTrue(before >= 0.05, layout + " with its lines kept differs by only " + before);
        }
    }

    @Test
    void aDarkStrokeAlongAPaleRuleStaysTheDigits() {
        // A 7 whose bar lies on one of the squared paper's rules.
        int[][] seven = {{34, 51}, {86, 51}, {52, 106}};
        double off = meanAbsoluteDifference(input(squared(seven, true), true), input(squared(seven, false), true));
        assertTrue(off <= 0.02, "the bar on the rule goes with it: " + off);
    }

    @Test
    void rulesAreFoundUnderADigitThatRunsOffThePicture() {
        // The form-boxes set's 3 number 55 (seed 42): squared paper, the 3 cut off by the picture's left edge.
        long seed = (((42 * 31 + 3) * 10) + 3) * 1_000_003L + 55;
        float[] cleared = input(FormBoxes.scan(3, FormBoxes.Layout.SQUARED, new Random(seed), true), true);
        float[] unprinted = input(FormBoxes.scan(3, FormBoxes.Layout.SQUARED, new Random(seed), false), true);
        double off = meanAbsoluteDifference(cleared, unprinted);
        assertTrue(off <= 0.03, "the rules are cleared: " + off);
    }

    @Test
    void aBoxTheDigitFillsIsClearedToo() {
        // The form-boxes set's 2 number 200 and 7 number 24 (seed 42): each digit reaches its box's sides, so no line of
        // the box goes on past the digit.
        for (int[] picture : new int[][] {{2, 200}, {7, 24}}) {
            long seed = (((42 * 31 + 3) * 10) + picture[0]) * 1_000_003L + picture[1];
            float[] cleared = input(FormBoxes.scan(picture[0], FormBoxes.Layout.BOX, new Random(seed), true), true);
            float[] unprinted = input(FormBoxes.scan(picture[0], FormBoxes.Layout.BOX, new Random(seed), false), true);
            double off = meanAbsoluteDifference(cleared, unprinted);
            assertTrue(off <= 0.03, "the box around the " + picture[0] + " is cleared: " + off);
        }
    }

    /** A dark pen's path through {@code points} on pale squared paper (a rule every 20 pixels from 10), or on blank paper. */
    private static BufferedImage squared(int[][] points, boolean ruled) {
        BufferedImage page = new BufferedImage(131, 121, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(230, 230, 230));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(new Color(175, 175, 175));
        for (int at = 10; ruled && at < page.getWidth(); at += 20) {
            g.fillRect(at, 0, 2, page.getHeight());
            g.fillRect(0, at, page.getWidth(), 2);
        }
        g.setColor(new Color(35, 35, 35));
        g.setStroke(new java.awt.BasicStroke(5, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
        for (int i = 1; i < points.length; i++) {
            g.drawLine(points[i - 1][0], points[i - 1][1], points[i][0], points[i][1]);
        }
        g.dispose();
        return page;
    }

    @Test
    void aRuleOrBoxSmallerThanADigitsStrokesIsNotLookedFor() {
        // 20 pixels: a printed frame this small cannot be told from a digit's strokes.
        float[] luminance = new float[20 * 20];
        java.util.Arrays.fill(luminance, 230);
        for (int i = 0; i < 20; i++) {
            luminance[i] = luminance[19 * 20 + i] = luminance[i * 20] = luminance[i * 20 + 19] = 20;
        }
        GreyImage square = new GreyImage(20, 20, luminance);
        assertArrayEquals(MnistStyle.apply(square, 28, 28, false), MnistStyle.apply(square, 28, 28, true));
    }

    /** The picture for the README: scans beside their 28×28 inputs with the lines kept (as before) and cleared. */
    @Test
    void drawsTheBeforeAndAfterPicture() throws IOException {
        int cell = 84;
        int[][] examples = {{3, 1}, {7, 2}, {5, 4}, {2, 3}, {4, 8}, {8, 2}, {6, 3}, {9, 1}};
        BufferedImage sheet = new BufferedImage(6 * cell, examples.length / 2 * cell, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        for (int i = 0; i < examples.length; i++) {
            FormBoxes.Layout layout = FormBoxes.Layout.values()[i % 4];
            BufferedImage scan = FormBoxes.scan(examples[i][0], layout, new Random(examples[i][1]), true);
            int x = i % 2 * 3 * cell;
            int y = i / 2 * cell;
            double scale = (cell - 6.0) / Math.max(scan.getWidth(), scan.getHeight());
            g.drawImage(scan, x + 3, y + 3, (int) (scan.getWidth() * scale), (int) (scan.getHeight() * scale), null);
            g.drawImage(pixels(input(scan, false)), x + cell + 3, y + 3, cell - 6, cell - 6, null);
            g.drawImage(pixels(input(scan, true)), x + 2 * cell + 3, y + 3, cell - 6, cell - 6, null);
        }
        g.dispose();
        Path out = Files.createDirectories(Path.of("target")).resolve("forms-before-after.png");
        ImageIO.write(sheet, "png", out.toFile());
        assertEquals(6 * cell, ImageIO.read(out.toFile()).getWidth());
    }

    private static GreyImage tightCrop(byte[] mnist) {
        GreyImage picture = GreyImage.of(Digits.inkOnPaper(mnist));
        int minX = 28;
        int minY = 28;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < mnist.length; i++) {
            if ((mnist[i] & 0xff) > 30) {
                minX = Math.min(minX, i % 28);
                maxX = Math.max(maxX, i % 28);
                minY = Math.min(minY, i / 28);
                maxY = Math.max(maxY, i / 28);
            }
        }
        return picture.cropped(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static double meanAbsoluteDifference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    /** The strongest ink on the outermost row or column of the 28×28 field. */
    private static double border(float[] input) {
        double most = 0;
        for (int i = 0; i < input.length; i++) {
            int x = i % 28;
            int y = i / 28;
            if (x == 0 || y == 0 || x == 27 || y == 27) {
                most = Math.max(most, input[i]);
            }
        }
        return most;
    }

    private static BufferedImage pixels(float[] input) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < input.length; i++) {
            image.getRaster().setSample(i % 28, i / 28, 0, Math.round(255 * input[i]));
        }
        return image;
    }
}
