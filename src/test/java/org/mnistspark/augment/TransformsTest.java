package org.mnistspark.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What each transformation does to a simple stroke: nothing at zero strength, and what it should otherwise. */
class TransformsTest {
    private static final int ROWS = 28;
    private static final int COLS = 28;

    /** A horizontal stroke three pixels thick and 13 long, off the image's centre: full ink on blank paper. */
    private static float[] stroke() {
        return barsAlong(11, 12, 13);
    }

    /** Full ink on blank paper along {@code rows}, from column 8 to 20. */
    private static float[] barsAlong(int... rows) {
        float[] image = new float[ROWS * COLS];
        for (int y : rows) {
            for (int x = 8; x <= 20; x++) {
                image[y * COLS + x] = 255;
            }
        }
        return image;
    }

    private static float[] warped(AffineChange change) {
        Warp warp = new Warp(ROWS, COLS);
        warp.affine(change, stroke());
        return warp.apply(stroke());
    }

    @Test
    void theIdentityChangeLeavesEveryPixelAsItWas() {
        assertArrayEquals(stroke(), warped(AffineChange.IDENTITY));
        Warp warp = new Warp(ROWS, COLS);
        warp.elastic(new ElasticField(ROWS, COLS, 4), 0, new SplittableRandom(1));
        assertArrayEquals(stroke(), warp.apply(stroke()));
    }

    @Test
    void aShiftMovesTheCentreOfMassByItsPixels() {
        double[] before = Warp.centreOfMass(stroke(), ROWS, COLS);
        double[] after = Warp.centreOfMass(warped(new AffineChange(0, 1, 0, 2, -1)), ROWS, COLS);
        assertEquals(before[0] + 2, after[0], 1e-4);
        assertEquals(before[1] - 1, after[1], 1e-4);
    }

    @Test
    void aRotationTurnsTheStrokeByItsAngleAboutItsCentreOfMass() {
        float[] turned = warped(new AffineChange(Math.toRadians(12), 1, 0, 0, 0));
        assertEquals(12, orientationDegrees(turned), 1);
        assertArrayEquals(Warp.centreOfMass(stroke(), ROWS, COLS), Warp.centreOfMass(turned, ROWS, COLS), 0.05);
        assertEquals(-12, orientationDegrees(warped(new AffineChange(Math.toRadians(-12), 1, 0, 0, 0))), 1);
    }

    @Test
    void aScaleStretchesTheStrokesSpreadByItsFactor() {
        double spread = Math.sqrt(moments(stroke())[0]);
        assertEquals(1.1 * spread, Math.sqrt(moments(warped(new AffineChange(0, 1.1, 0, 0, 0)))[0]), 0.03 * spread);
    }

    /** An 8's three crossings: bars along rows 4–5 (its top), 13–14 (where its loops meet) and 22–23 (its bottom). */
    private static float[] bars() {
        return barsAlong(4, 5, 13, 14, 22, 23);
    }

    private static float[] proportioned(double change) {
        Warp warp = new Warp(ROWS, COLS);
        warp.proportion(change, bars());
        return warp.apply(bars());
    }

    @Test
    void aProportionChangeMovesWhereTheHalvesMeetAndKeepsTheTopAndBottom() {
        assertArrayEquals(bars(), proportioned(0));
        // The ink spans rows 4 to 23, so 0.2 takes a row's ink from up to 3.8 rows above it (half-way down): the
        // middle bar lands where that distance, falling off towards the bottom, meets it, 3.2 rows lower.
        assertEquals(13.5 + 3.2, inkRow(proportioned(0.2), 9, 21), 0.3);
        assertEquals(13.5 - 3.2, inkRow(proportioned(-0.2), 6, 18), 0.3);
        for (double change : new double[] {0.2, -0.2}) {
            float[] changed = proportioned(change);
            assertEquals(4.5, inkRow(changed, 0, 6), 0.6, "the top stays within a row");
            assertEquals(22.5, inkRow(changed, 21, 27), 0.6, "the bottom stays within a row");
            assertEquals(ink(bars()), ink(changed), 0.2 * ink(bars()), "bars move, stretched or squeezed with their half, not blotted out");
        }
    }

    /** The mean row of the ink between rows {@code from} and {@code to}. */
    private static double inkRow(float[] image, int from, int to) {
        double sum = 0;
        double ink = 0;
        for (int i = from * COLS; i < (to + 1) * COLS; i++) {
            sum += image[i] * (i / COLS);
            ink += image[i];
        }
        return sum / ink;
    }

    @Test
    void aWarpKeepsGreyLevelsWithinTheImagesOwn() {
        Warp warp = new Warp(ROWS, COLS);
        warp.affine(new AffineChange(0.2, 0.9, 0.15, 0.5, 0.5), stroke());
        warp.proportion(0.2, stroke());
        warp.elastic(new ElasticField(ROWS, COLS, 4), 20, new SplittableRandom(3));
        float[] out = warp.apply(stroke());
        for (float v : out) {
            assertTrue(v >= 0 && v <= 255.001f, "grey level " + v);
        }
    }

    @Test
    void anElasticFieldMovesInkALittleAndDifferentlyEachDraw() {
        float[] first = elastic(1);
        float[] second = elastic(2);
        assertTrue(difference(first, stroke()) > 0, "the field moved nothing");
        assertTrue(difference(first, second) > 0, "two draws gave one field");
        double[] moved = Warp.centreOfMass(first, ROWS, COLS);
        double[] was = Warp.centreOfMass(stroke(), ROWS, COLS);
        assertTrue(Math.hypot(moved[0] - was[0], moved[1] - was[1]) < 3, "a smooth field of alpha 20 moves the stroke by pixels, not across the image");
        assertEquals(ink(stroke()), ink(first), 0.25 * ink(stroke()), "a smooth field bends the stroke, neither thins nor thickens it much");
    }

    private static float[] elastic(long seed) {
        Warp warp = new Warp(ROWS, COLS);
        warp.elastic(new ElasticField(ROWS, COLS, 4), 20, new SplittableRandom(seed));
        return warp.apply(stroke());
    }

    @Test
    void aBolderPenAddsInkAndAThinnerOneTakesItAway() {
        float[] bolder = PenStroke.apply(stroke(), ROWS, COLS, true, 1);
        float[] thinner = PenStroke.apply(stroke(), ROWS, COLS, false, 1);
        // The plus-shaped neighbourhood adds a pixel each side: 5 × 13 + 2 × 3 pixels; and takes one each side away: 1 × 11.
        assertEquals(255 * (5 * 13 + 2 * 3), ink(bolder), 1e-3);
        assertEquals(255 * 11, ink(thinner), 1e-3);
        assertArrayEquals(stroke(), PenStroke.apply(stroke(), ROWS, COLS, true, 0));
        float[] half = PenStroke.apply(stroke(), ROWS, COLS, true, 0.5);
        assertEquals((ink(stroke()) + ink(bolder)) / 2, ink(half), 1e-3);
    }

    @Test
    void aBlurSpreadsInkWithoutLosingIt() {
        float[] blurred = stroke();
        new GaussianKernel(1).smooth(blurred, ROWS, COLS);
        assertEquals(ink(stroke()), ink(blurred), 1e-2 * ink(stroke()));
        float max = 0;
        int inked = 0;
        for (float v : blurred) {
            max = Math.max(max, v);
            inked += v > 1 ? 1 : 0;
        }
        assertTrue(max < 255, "the stroke's edge rows soften: " + max);
        assertTrue(inked > 3 * 13, "ink spreads past the stroke: " + inked);
    }

    @Test
    void noiseHasTheStandardDeviationAsked() {
        float[] noisy = SensorNoise.apply(stroke(), 16, new SplittableRandom(4));
        double sumSquares = 0;
        for (int i = 0; i < noisy.length; i++) {
            sumSquares += Math.pow(noisy[i] - stroke()[i], 2);
        }
        assertEquals(16, Math.sqrt(sumSquares / noisy.length), 1.5);
        assertArrayEquals(stroke(), SensorNoise.apply(stroke(), 0, new SplittableRandom(4)));
    }

    private static double ink(float[] image) {
        double sum = 0;
        for (float v : image) {
            sum += v;
        }
        return sum;
    }

    private static double difference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum;
    }

    /** The central second moments {xx, yy, xy} of an image's ink. */
    private static double[] moments(float[] image) {
        double[] c = Warp.centreOfMass(image, ROWS, COLS);
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < image.length; i++) {
            double dx = i % COLS - c[0];
            double dy = i / COLS - c[1];
            xx += image[i] * dx * dx;
            yy += image[i] * dy * dy;
            xy += image[i] * dx * dy;
        }
        double ink = ink(image);
        return new double[] {xx / ink, yy / ink, xy / ink};
    }

    /** The angle of the ink's main axis from the horizontal, in degrees, positive turning from +x towards +y (down the image). */
    private static double orientationDegrees(float[] image) {
        double[] m = moments(image);
        return Math.toDegrees(0.5 * Math.atan2(2 * m[2], m[0] - m[1]));
    }
}
