package org.mnistspark.augment;

import java.io.Serializable;

/**
 * A normalised 1-D Gaussian, computed once, that smooths an image in two separable passes (rows, then
 * columns), edges extended: 2·(2r+1) multiplications a pixel instead of (2r+1)².
 */
final class GaussianKernel implements Serializable {
    private final float[] weights;
    private final int radius;

    GaussianKernel(double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("a Gaussian needs a positive sigma, not " + sigma);
        }
        radius = Math.max(1, (int) Math.ceil(3 * sigma));
        weights = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            sum += Math.exp(-i * i / (2 * sigma * sigma));
        }
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = (float) (Math.exp(-i * i / (2 * sigma * sigma)) / sum);
        }
    }

    /** {@code image} (rows × cols) smoothed in place. */
    void smooth(float[] image, int rows, int cols) {
        float[] pass = new float[image.length];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                float s = 0;
                for (int k = -radius; k <= radius; k++) {
                    s += weights[k + radius] * image[y * cols + clamp(x + k, cols)];
                }
                pass[y * cols + x] = s;
            }
        }
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                float s = 0;
                for (int k = -radius; k <= radius; k++) {
                    s += weights[k + radius] * pass[clamp(y + k, rows) * cols + x];
                }
                image[y * cols + x] = s;
            }
        }
    }

    private static int clamp(int i, int size) {
        return i < 0 ? 0 : i >= size ? size - 1 : i;
    }
}
