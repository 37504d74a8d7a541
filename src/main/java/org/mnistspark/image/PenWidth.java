package org.mnistspark.image;

/**
 * Thin pen strokes made as broad as MNIST's. A ballpoint, a fine liner or a pencil, its digit scaled
 * to MNIST's 20-pixel box, draws strokes about 2 pixels wide, where three quarters of MNIST's test
 * digits are wider than 2.5 and half wider than 2.9: the model, which learnt MNIST's strokes, reads
 * such digits less well. Strokes at least as broad as MNIST's are left as they are.
 */
final class PenWidth {
    /** Strokes narrower than this share of the digit's longer side (2.5 of MNIST's 20 pixels) are thickened. */
    static final double THIN = 0.125;
    /** The share thin strokes are brought to: about MNIST's median (2.8 of 20 pixels). */
    static final double THICKENED = 0.14;
    /** Ink from this level (its strokes reach 1) counts when measuring a stroke. */
    private static final float INK = 0.5f;

    private PenWidth() {}

    /**
     * {@code ink} with its strokes grown, a pixel on each side at a time, to {@link #THICKENED} of the
     * digit's longer side if they are thinner than {@link #THIN} of it; else {@code ink} itself. The
     * digit is the ink's largest part, so that what is left of a form's lines beside it changes nothing.
     */
    static GreyImage thickened(GreyImage ink) {
        Stroke digit = Stroke.of(ink);
        if (digit.width() == 0 || digit.width() >= THIN * digit.length()) {
            return ink;
        }
        // Each pass adds 2 pixels to the width and to the length: (width + 2n) / (length + 2n) = THICKENED.
        long passes = Math.round((THICKENED * digit.length() - digit.width()) / (2 * (1 - THICKENED)));
        for (long i = 0; i < passes; i++) {
            ink = grown(ink);
        }
        return ink;
    }

    /**
     * The mean width, in pixels, of the strokes of the ink's largest 8-connected part, and that part's
     * longer side. The width is twice the part's area over its outline (its pixels beside paper), since a
     * stroke of length L and width w covers L·w pixels and has two edges of L; 0 without ink.
     */
    record Stroke(double width, int length) {
        static Stroke of(GreyImage ink) {
            int w = ink.width();
            int h = ink.height();
            boolean[] mask = new boolean[w * h];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = ink.luminance()[i] >= INK;
            }
            boolean[] part = Specks.largest(mask, w, h);
            int area = 0;
            int outline = 0;
            int minX = w;
            int minY = h;
            int maxX = -1;
            int maxY = -1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (!part[y * w + x]) {
                        continue;
                    }
                    area++;
                    if (x == 0 || y == 0 || x == w - 1 || y == h - 1 || !part[y * w + x - 1] || !part[y * w + x + 1]
                            || !part[(y - 1) * w + x] || !part[(y + 1) * w + x]) {
                        outline++;
                    }
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
            return area == 0 ? new Stroke(0, 0) : new Stroke(2.0 * area / outline, Math.max(maxX - minX, maxY - minY) + 1);
        }
    }

    /**
     * Each pixel the darkest of itself and those of its four neighbours that are strokes (from {@link #INK}):
     * strokes a pixel broader on each side, while faint ink (a trace of a cleared line) does not spread.
     */
    private static GreyImage grown(GreyImage ink) {
        int w = ink.width();
        int h = ink.height();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = ink.at(x, y);
                v = x > 0 ? stroke(v, ink.at(x - 1, y)) : v;
                v = x < w - 1 ? stroke(v, ink.at(x + 1, y)) : v;
                v = y > 0 ? stroke(v, ink.at(x, y - 1)) : v;
                v = y < h - 1 ? stroke(v, ink.at(x, y + 1)) : v;
                out[y * w + x] = v;
            }
        }
        return new GreyImage(w, h, out);
    }

    /** The darker of {@code own} and {@code neighbour} if the neighbour is a stroke; else {@code own}. */
    private static float stroke(float own, float neighbour) {
        return neighbour >= INK ? Math.max(own, neighbour) : own;
    }
}
