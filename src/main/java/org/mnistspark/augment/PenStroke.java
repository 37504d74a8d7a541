package org.mnistspark.augment;

/**
 * Strokes made bolder or thinner, as by another pen: grey-level dilation (each pixel the brightest of
 * itself and its four neighbours) or erosion (the darkest), mixed with the image. A plus-shaped
 * neighbourhood, not 3×3, since MNIST's strokes are only two or three pixels wide and a square
 * erosion wipes many of them out.
 */
final class PenStroke {
    private PenStroke() {}

    /** {@code image} with {@code amount} (0..1) of its dilation, or of its erosion when {@code bolder} is false. */
    static float[] apply(float[] image, int rows, int cols, boolean bolder, double amount) {
        float[] out = new float[image.length];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int i = y * cols + x;
                // Off the image counts as the paper: blank.
                float m = image[i];
                m = pick(m, x > 0 ? image[i - 1] : 0, bolder);
                m = pick(m, x < cols - 1 ? image[i + 1] : 0, bolder);
                m = pick(m, y > 0 ? image[i - cols] : 0, bolder);
                m = pick(m, y < rows - 1 ? image[i + cols] : 0, bolder);
                out[i] = (float) (image[i] + amount * (m - image[i]));
            }
        }
        return out;
    }

    private static float pick(float a, float b, boolean max) {
        return max ? Math.max(a, b) : Math.min(a, b);
    }
}
