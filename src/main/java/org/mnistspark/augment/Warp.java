package org.mnistspark.augment;

import java.util.random.RandomGenerator;

/**
 * Where each output pixel takes its ink from: an affine change about the digit's centre of mass, a
 * change of its proportions and an elastic displacement, all gathered into one map so that the image
 * is resampled (bilinearly) once, not blurred three times.
 */
final class Warp {
    private final int rows;
    private final int cols;
    /** Source coordinates of each output pixel, starting as the pixel itself. */
    private final float[] sourceX;
    private final float[] sourceY;

    Warp(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        sourceX = new float[rows * cols];
        sourceY = new float[rows * cols];
        for (int i = 0; i < sourceX.length; i++) {
            sourceX[i] = i % cols;
            sourceY[i] = i / cols;
        }
    }

    /** {@code change} about the centre of mass of {@code image}'s ink (the image's centre if it has none). */
    void affine(AffineChange change, float[] image) {
        double[] m = change.matrix();
        double det = m[0] * m[3] - m[1] * m[2];
        double[] centre = centreOfMass(image, rows, cols);
        // Each output pixel takes its ink from where the inverse change puts it.
        for (int i = 0; i < sourceX.length; i++) {
            double u = sourceX[i] - centre[0] - change.dx();
            double v = sourceY[i] - centre[1] - change.dy();
            sourceX[i] = (float) (centre[0] + (m[3] * u - m[1] * v) / det);
            sourceY[i] = (float) (centre[1] + (-m[2] * u + m[0] * v) / det);
        }
    }

    /**
     * Moves where the upper and lower parts of {@code image}'s ink meet, down (growing the upper part)
     * when {@code change} is positive, its top and bottom rows staying: each row takes its ink from
     * {@code change · height · sin(π t)} rows above it, t its place between the ink's first and last rows.
     */
    void proportion(double change, float[] image) {
        int[] rowsWithInk = inkRows(image);
        double height = rowsWithInk[1] - rowsWithInk[0];
        if (height <= 0) {
            return;
        }
        for (int i = 0; i < sourceY.length; i++) {
            double t = Math.min(1, Math.max(0, (sourceY[i] - rowsWithInk[0]) / height));
            sourceY[i] -= (float) (change * height * Math.sin(Math.PI * t));
        }
    }

    /** The first and last rows with ink of at least a fifth of the darkest stroke's; {-1, -1} for a blank image. */
    private int[] inkRows(float[] image) {
        float darkest = 0;
        for (float v : image) {
            darkest = Math.max(darkest, v);
        }
        int first = -1;
        int last = -1;
        for (int i = 0; darkest > 0 && i < image.length; i++) {
            if (image[i] >= 0.2f * darkest) {
                first = first < 0 ? i / cols : first;
                last = i / cols;
            }
        }
        return new int[] {first, last};
    }

    /** Adds an elastic displacement: a field drawn from {@code fields} for each direction, scaled by {@code alpha}. */
    void elastic(ElasticField fields, double alpha, RandomGenerator random) {
        for (float[] source : new float[][] {sourceX, sourceY}) {
            float[] field = fields.draw(alpha, random);
            for (int i = 0; i < field.length; i++) {
                source[i] += field[i];
            }
        }
    }

    /** {@code image} resampled through the map: bilinear, blank (0) outside the image. */
    float[] apply(float[] image) {
        float[] out = new float[image.length];
        for (int i = 0; i < out.length; i++) {
            float x = sourceX[i];
            float y = sourceY[i];
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            float fx = x - x0;
            float fy = y - y0;
            out[i] = (1 - fy) * ((1 - fx) * at(image, x0, y0) + fx * at(image, x0 + 1, y0))
                    + fy * ((1 - fx) * at(image, x0, y0 + 1) + fx * at(image, x0 + 1, y0 + 1));
        }
        return out;
    }

    private float at(float[] image, int x, int y) {
        return x < 0 || y < 0 || x >= cols || y >= rows ? 0 : image[y * cols + x];
    }

    /** The ink-weighted mean position {x, y} of {@code image}; its centre if it is blank. */
    static double[] centreOfMass(float[] image, int rows, int cols) {
        double ink = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < image.length; i++) {
            ink += image[i];
            x += image[i] * (i % cols);
            y += image[i] * (i / cols);
        }
        return ink > 0 ? new double[] {x / ink, y / ink} : new double[] {(cols - 1) / 2.0, (rows - 1) / 2.0};
    }
}
