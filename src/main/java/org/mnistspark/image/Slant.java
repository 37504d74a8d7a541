package org.mnistspark.image;

/**
 * A digit's slant, and the digit without it. The slant is the shear that the ink's second moments show:
 * how far, on average, the ink moves sideways for each row down from its centre of mass
 * (μ11 / μ02). Removing it shifts each row back by that much, so that a writer's forward or backward
 * lean reads as an upright digit, which a model trained on MNIST reads best, MNIST's own test digits
 * included.
 */
public final class Slant {
    /**
     * The largest slant removed, as the tangent of the lean (about 22°): a digit leaning further is
     * straightened by this much, not flattened further, since so strong a lean is more likely its shape
     * (a 7's bar, a 4's arm) than its writer's.
     */
    static final double MAX_SHEAR = 0.4;

    private Slant() {}

    /** The shear, within ±{@link #MAX_SHEAR}, that the ink's moments show; 0 for ink on a single row. */
    static double of(GreyImage ink) {
        return Lean.of(ink).shear();
    }

    /** The ink's shear and the row of its centre of mass, about which a framed digit is straightened. */
    private record Lean(double shear, double centreRow) {
        static Lean of(GreyImage ink) {
            float[] v = ink.luminance();
            int w = ink.width();
            double mass = 0;
            double sx = 0;
            double sy = 0;
            double sxy = 0;
            double syy = 0;
            for (int i = 0; i < v.length; i++) {
                double x = i % w;
                double y = i / w;
                mass += v[i];
                sx += v[i] * x;
                sy += v[i] * y;
                sxy += v[i] * x * y;
                syy += v[i] * y * y;
            }
            if (mass == 0) {
                return new Lean(0, 0);
            }
            double cy = sy / mass;
            double mu11 = sxy / mass - sx / mass * cy;
            double mu02 = syy / mass - cy * cy;
            // Rounding leaves ink on one row a variance of about 1e-16, not 0.
            return new Lean(mu02 < 1e-9 ? 0 : Math.max(-MAX_SHEAR, Math.min(MAX_SHEAR, mu11 / mu02)), cy);
        }
    }

    /**
     * The ink sheared upright about its middle row, on a canvas widened to hold all of it; rows are
     * resampled linearly between neighbouring pixels.
     */
    static GreyImage removed(GreyImage ink) {
        double shear = of(ink);
        if (shear == 0) {
            return ink;
        }
        double middle = (ink.height() - 1) / 2.0;
        return sheared(ink, shear, middle, (int) Math.ceil(Math.abs(shear) * middle));
    }

    /**
     * A digit already framed on its field, as IDX data sets hold them (one byte a pixel, ink high), sheared
     * upright about its centre of mass on the same field: the slant that {@code --preprocess mnist} takes
     * from scans, taken from MNIST's digits too, so that a model learns and reads both alike. Ink sheared
     * past the field's edge is lost; MNIST's four blank pixels about a 20-pixel digit hold its lean up to
     * the limit.
     */
    public static byte[] removedInField(byte[] pixels, int rows, int cols) {
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = pixels[i] & 0xff;
        }
        GreyImage ink = new GreyImage(cols, rows, values);
        Lean lean = Lean.of(ink);
        if (lean.shear() == 0) {
            return pixels;
        }
        float[] upright = sheared(ink, lean.shear(), lean.centreRow(), 0).luminance();
        byte[] out = new byte[upright.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.round(Math.min(255f, Math.max(0f, upright[i])));
        }
        return out;
    }

    /** Each row of the ink shifted back by {@code shear} pixels per row from {@code pivotRow}, on a canvas {@code margin} wider each side. */
    private static GreyImage sheared(GreyImage ink, double shear, double pivotRow, int margin) {
        int w = ink.width();
        int h = ink.height();
        int wide = w + 2 * margin;
        float[] out = new float[wide * h];
        for (int y = 0; y < h; y++) {
            double offset = shear * (y - pivotRow) - margin;
            for (int x = 0; x < wide; x++) {
                double source = x + offset;
                int left = (int) Math.floor(source);
                double toRight = source - left;
                out[y * wide + x] = (float) ((1 - toRight) * valueAt(ink, left, y) + toRight * valueAt(ink, left + 1, y));
            }
        }
        return new GreyImage(wide, h, out);
    }

    private static float valueAt(GreyImage ink, int x, int y) {
        return x < 0 || x >= ink.width() ? 0 : ink.at(x, y);
    }
}
