package org.mnistspark.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SlantTest {
    @Test
    void aLeaningStrokeComesOutUpright() {
        GreyImage leaning = stroke(0.3);
        assertEquals(0.3, Slant.of(leaning), 0.01);

        GreyImage upright = Slant.removed(leaning);

        assertEquals(0, Slant.of(upright), 0.01);
        double top = inkCentre(upright, 2);
        for (int y = 3; y < 26; y++) {
            assertEquals(top, inkCentre(upright, y), 0.05, "row " + y);
        }
    }

    @Test
    void noInkIsLost() {
        GreyImage leaning = stroke(-0.25);
        assertEquals(mass(leaning), mass(Slant.removed(leaning)), 1e-3);
    }

    @Test
    void aLeanBeyondTheLimitIsStraightenedByTheLimitOnly() {
        assertEquals(Slant.MAX_SHEAR, Slant.of(stroke(0.8)));
        assertEquals(-Slant.MAX_SHEAR, Slant.of(stroke(-0.8)));
    }

    @Test
    void anUprightOrFlatDigitIsLeftAlone() {
        float[] bar = new float[28 * 28];
        java.util.Arrays.fill(bar, 14 * 28 + 4, 14 * 28 + 24, 1f);
        GreyImage flat = new GreyImage(28, 28, bar);
        assertSame(flat, Slant.removed(flat));

        GreyImage upright = stroke(0);
        assertEquals(0, Slant.of(upright), 1e-9);
        GreyImage unchanged = Slant.removed(upright);
        int margin = (unchanged.width() - 28) / 2;
        assertArrayEquals(upright.luminance(), unchanged.cropped(margin, 0, 28, 28).luminance(), 1e-6f);
    }

    @Test
    void aFramedDigitIsStraightenedOnItsOwnFieldAboutItsCentreOfMass() {
        GreyImage leaning = stroke(-0.3);
        byte[] pixels = new byte[28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.round(leaning.luminance()[i] * 255);
        }

        byte[] straightened = Slant.removedInField(pixels, 28, 28);

        assertEquals(28 * 28, straightened.length);
        float[] values = new float[straightened.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = straightened[i] & 0xff;
        }
        GreyImage upright = new GreyImage(28, 28, values);
        for (int y = 2; y < 26; y++) {
            assertEquals(13.5, inkCentre(upright, y), 0.05, "row " + y + ": upright where the stroke's centre was");
        }
        assertEquals(mass(leaning) * 255, mass(upright), mass(upright) * 0.01, "no ink lost off the field");
        byte[] blank = new byte[28 * 28];
        assertSame(blank, Slant.removedInField(blank, 28, 28), "a blank field has no slant");
    }

    /** A two-pixel-wide stroke down a 28×28 field, moving {@code shear} pixels right per row, drawn with soft edges. */
    private static GreyImage stroke(double shear) {
        float[] v = new float[28 * 28];
        for (int y = 2; y < 26; y++) {
            double centre = 13.5 + shear * (y - 13.5);
            for (int x = 0; x < 28; x++) {
                v[y * 28 + x] = (float) Math.max(0, Math.min(1, 1.5 - Math.abs(x - centre)));
            }
        }
        return new GreyImage(28, 28, v);
    }

    private static double inkCentre(GreyImage image, int y) {
        double mass = 0;
        double sum = 0;
        for (int x = 0; x < image.width(); x++) {
            mass += image.at(x, y);
            sum += image.at(x, y) * x;
        }
        return sum / mass;
    }

    private static double mass(GreyImage image) {
        double sum = 0;
        for (float value : image.luminance()) {
            sum += value;
        }
        return sum;
    }
}
