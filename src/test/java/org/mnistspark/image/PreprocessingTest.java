package org.mnistspark.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mnistspark.photos.PaperPhotos;
import org.mnistspark.testing.Digits;

class PreprocessingTest {
    @Test
    void seedFormulaOnA28x28Picture() {
        float[] luminance = new float[28 * 28];
        luminance[0] = 255; // paper: x = 0 → clip(-0.5) = 0
        luminance[1] = 0; // ink: x = 1 → clip(1.5) = 1
        luminance[2] = 153; // x = 0.4 → 0.3
        java.util.Arrays.fill(luminance, 3, luminance.length, 255);
        float[] input = Preprocessing.SEED.apply(new GreyImage(28, 28, luminance), 28, 28);
        assertEquals(0f, input[0]);
        assertEquals(1f, input[1]);
        assertEquals(0.3f, input[2], 1e-6);
    }

    @Test
    void seedShrinksKeepingTheAspectRatioAndCentresOnPaper() {
        float[] black = new float[56 * 28]; // 56 wide, 28 tall, all ink
        float[] input = Preprocessing.SEED.apply(new GreyImage(56, 28, black), 28, 28);
        // Shrunk to 28×14, centred vertically: rows 7 to 20 are ink, the rest paper.
        assertEquals(0f, input[6 * 28 + 10]);
        assertEquals(1f, input[7 * 28 + 10]);
        assertEquals(1f, input[20 * 28 + 10]);
        assertEquals(0f, input[21 * 28 + 10]);
    }

    @Test
    void mnistStyleRecoversTheDigitFromAPhotoOfPaper() {
        Random random = new Random(11);
        for (Digits.Digit digit : Digits.mnistTest(20)) {
            BufferedImage photo = PaperPhotos.render(digit.pixels(), random);
            float[] input = Preprocessing.MNIST.apply(GreyImage.of(photo), 28, 28);

            double[] centre = centreOfMass(input);
            assertEquals(14, centre[0], 0.75, "x centre of mass of digit " + digit.index());
            assertEquals(14, centre[1], 0.75, "y centre of mass of digit " + digit.index());
            int[] box = box(input);
            assertTrue(Math.max(box[2], box[3]) <= 21 && Math.max(box[2], box[3]) >= 19,
                    "longer side " + Math.max(box[2], box[3]) + " of digit " + digit.index());
            double similarity = bestCorrelation(input, upright(digit.pixels()));
            assertTrue(similarity > 0.75, "correlation " + similarity + " with upright MNIST digit " + digit.index());
        }
    }

    @Test
    void mnistStyleReadsLightInkOnDarkPaperToo() {
        Digits.Digit digit = Digits.mnistTest(1).get(0);
        float[] luminance = new float[28 * 28];
        for (int i = 0; i < luminance.length; i++) {
            luminance[i] = digit.pixels()[i] & 0xff; // MNIST's own polarity: white ink on black
        }
        float[] input = Preprocessing.MNIST.apply(new GreyImage(28, 28, luminance), 28, 28);
        assertTrue(correlation(input, upright(digit.pixels())) > 0.9);
    }

    @Test
    void aSmallScanCroppedToItsInkReadsAsTheDigit() {
        double sum = 0;
        List<Digits.Digit> digits = Digits.mnistTest(50);
        for (Digits.Digit digit : digits) {
            float[] paper = new float[28 * 28];
            for (int i = 0; i < paper.length; i++) {
                paper[i] = 255 - (digit.pixels()[i] & 0xff);
            }
            // The digit's 20-pixel box scanned at 8 pixels, as an 8×8 scan of a form holds it.
            GreyImage scan = new GreyImage(28, 28, paper).cropped(4, 4, 20, 20).resized(8, 8);
            sum += bestCorrelation(Preprocessing.MNIST.apply(scan, 28, 28), upright(digit.pixels()));
        }
        double mean = sum / digits.size();
        // 0.76 with the scan's pixels enlarged as blocks, 0.81 with the paper's level taken where strokes fill a block.
        assertTrue(mean > 0.82, "mean correlation " + mean + " with the upright MNIST digits");
    }

    @Test
    void blankPaperHasNoDigit() {
        float[] paper = new float[100 * 80];
        Random random = new Random(2);
        for (int i = 0; i < paper.length; i++) {
            paper[i] = 230 + 3 * (float) random.nextGaussian();
        }
        UnreadableImageException e = assertThrows(UnreadableImageException.class,
                () -> Preprocessing.MNIST.apply(new GreyImage(100, 80, paper), 28, 28));
        assertEquals("no ink found: the picture is blank", e.getMessage());
    }

    @Test
    void everyModeGivesValuesInTheUnitInterval() {
        BufferedImage photo = PaperPhotos.render(Digits.mnistTest(1).get(0).pixels(), new Random(4));
        for (Preprocessing mode : List.of(Preprocessing.values())) {
            float[] input = mode.apply(GreyImage.of(photo), 28, 28);
            assertEquals(784, input.length);
            for (float v : input) {
                assertTrue(v >= 0 && v <= 1, mode + " gave " + v);
            }
        }
    }

    /** The MNIST digit with its slant removed as the preprocessing removes a picture's, in its own 28×28 field. */
    private static byte[] upright(byte[] mnist) {
        float[] ink = new float[mnist.length];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = mnist[i] & 0xff;
        }
        GreyImage sheared = Slant.removed(new GreyImage(28, 28, ink));
        GreyImage field = sheared.cropped((sheared.width() - 28) / 2, 0, 28, 28);
        byte[] out = new byte[mnist.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.round(field.luminance()[i]);
        }
        return out;
    }

    private static double[] centreOfMass(float[] input) {
        double mass = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < input.length; i++) {
            mass += input[i];
            x += input[i] * (i % 28);
            y += input[i] * (i / 28);
        }
        return new double[] {x / mass, y / mass};
    }

    private static int[] box(float[] input) {
        int minX = 28;
        int minY = 28;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < input.length; i++) {
            if (input[i] > 0) {
                minX = Math.min(minX, i % 28);
                maxX = Math.max(maxX, i % 28);
                minY = Math.min(minY, i / 28);
                maxY = Math.max(maxY, i / 28);
            }
        }
        return new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    /** The correlation with the MNIST digit shifted by up to 2 pixels: rendering moves strokes by a pixel or so. */
    private static double bestCorrelation(float[] a, byte[] mnist) {
        double best = -1;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                byte[] shifted = new byte[784];
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        int sx = x - dx;
                        int sy = y - dy;
                        shifted[y * 28 + x] = sx < 0 || sy < 0 || sx >= 28 || sy >= 28 ? 0 : mnist[sy * 28 + sx];
                    }
                }
                best = Math.max(best, correlation(a, shifted));
            }
        }
        return best;
    }

    private static double correlation(float[] a, byte[] mnist) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += (mnist[i] & 0xff) / 255.0;
        }
        ma /= a.length;
        mb /= a.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = (mnist[i] & 0xff) / 255.0 - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
