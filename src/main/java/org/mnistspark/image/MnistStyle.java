package org.mnistspark.image;

/**
 * Makes model input the way MNIST itself was made from scans: ink as high values on a zero
 * background, cropped to the ink, the longer side scaled to 20 pixels, then placed in the 28×28
 * field so that the centre of mass of the ink sits at the centre.
 *
 * <p>Photographs need more than the NIST scans did: which of ink and paper is dark is decided from
 * the picture (paper is the majority), and the paper's own level is estimated block by block and
 * subtracted, so unevenly lit paper does not read as ink (a block takes the lowest level around it,
 * since where a tightly cropped digit's strokes fill a block, the block shows ink, not paper);
 * printed lines around the digit (a form's box, ruled or squared paper) are cleared ({@link FormLines}),
 * so that the box is the digit's, not the form's; and strokes thinner than MNIST's are thickened
 * ({@link PenWidth}); a picture smaller than the input is enlarged smoothly first. Unlike MNIST's,
 * the digit is also made upright before it is framed ({@link Slant}): other writers lean further
 * than MNIST's, and upright digits, MNIST's own included, are the ones its models read best.
 */
final class MnistStyle {
    /** Blocks per side when estimating the paper's level: enough to follow a lighting gradient across the page. */
    private static final int BLOCKS = 4;
    /** Within a block, the paper level is this low quantile of ink values, right unless strokes cover most of it. */
    private static final double PAPER_QUANTILE = 0.2;
    /** Ink below this fraction of the strokes' level is paper noise, set to zero. */
    private static final float NOISE_FLOOR = 0.35f;
    private static final int DIGIT_BOX = 20;
    private static final int WORKING_SIZE = 256;
    /** Grey levels above the paper below which nothing counts as a stroke: paper grain, JPEG noise. */
    private static final float MIN_CONTRAST = 32;
    /**
     * Share of the strokes' level from which a pixel may belong to a printed line: below the noise floor,
     * so that the faint edges of a line are cleared with it.
     */
    private static final float LINE_FLOOR = 0.25f;

    private MnistStyle() {}

    static float[] apply(GreyImage image, int rows, int cols) {
        return apply(image, rows, cols, true);
    }

    /** As {@link #apply(GreyImage, int, int)}; without {@code clearLines}, printed lines count as ink (as they did before). */
    static float[] apply(GreyImage image, int rows, int cols, boolean clearLines) {
        // A picture smaller than the input is one digit's own small scan, with no room for a form's lines.
        boolean small = Math.max(image.width(), image.height()) < Math.max(rows, cols);
        GreyImage ink = withoutPaper(inkHigh(small ? enlarged(image, rows, cols) : workingCopy(image)));
        float level = strokeLevel(ink);
        boolean[] lines = clearLines && !small && level > 0 ? FormLines.find(ink, LINE_FLOOR * level) : null;
        if (lines != null) {
            // Stretched again without the lines: dark print must not set the level a faint pencil digit is held to.
            ink = FormLines.withoutSpecks(stretched(FormLines.cleared(ink, lines)));
        } else {
            ink = stretched(ink);
        }
        int[] box = inkBox(ink);
        if (box == null) {
            throw new UnreadableImageException("no ink found: the picture is blank");
        }
        GreyImage thickened = PenWidth.thickened(ink);
        if (thickened != ink) {
            // Grown strokes reach further: a pixel beyond the box for each pass.
            ink = thickened;
            box = inkBox(ink);
        }
        GreyImage digit = upright(ink.cropped(box[0], box[1], box[2], box[3]));
        int box20 = Math.min(DIGIT_BOX * Math.min(rows, cols) / 28, Math.min(rows, cols));
        double scale = (double) box20 / Math.max(digit.width(), digit.height());
        int w = Math.max(1, (int) Math.round(digit.width() * scale));
        int h = Math.max(1, (int) Math.round(digit.height() * scale));
        return centred(normalised(digit.resized(w, h)), rows, cols);
    }

    /** The digit with its slant removed ({@link Slant}), cropped to its ink again. */
    private static GreyImage upright(GreyImage digit) {
        GreyImage upright = Slant.removed(digit);
        if (upright == digit) {
            return digit;
        }
        int[] box = inkBox(upright);
        return upright.cropped(box[0], box[1], box[2], box[3]);
    }

    /**
     * The picture shrunk so that its longer side is at most {@value #WORKING_SIZE} pixels: a digit
     * needs no more to become 20×20, and every later step then costs the same for any photo size.
     */
    private static GreyImage workingCopy(GreyImage image) {
        double scale = (double) WORKING_SIZE / Math.max(image.width(), image.height());
        if (scale >= 1) {
            return image;
        }
        return image.resized(Math.max(1, (int) Math.round(image.width() * scale)),
                Math.max(1, (int) Math.round(image.height() * scale)));
    }

    /**
     * A picture smaller than the model's input (a small, low-resolution scan) enlarged smoothly, by the
     * whole factor that makes it at least as large: as blocks, its pixels would read as jagged strokes.
     */
    private static GreyImage enlarged(GreyImage image, int rows, int cols) {
        int longer = Math.max(image.width(), image.height());
        int factor = (Math.max(rows, cols) + longer - 1) / longer;
        return image.enlarged(image.width() * factor, image.height() * factor);
    }

    /** Ink as high values: the picture as it is when its paper is dark, inverted when the paper is light. */
    private static GreyImage inkHigh(GreyImage image) {
        float[] v = image.luminance();
        Levels levels = new Levels();
        for (float value : v) {
            levels.add(value);
        }
        float midRange = (levels.quantile(0) + levels.quantile(1)) / 2;
        if (levels.quantile(0.5) < midRange) {
            return image;
        }
        float[] inverted = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            inverted[i] = 255 - v[i];
        }
        return new GreyImage(image.width(), image.height(), inverted);
    }

    /** Subtracts the paper's level, estimated per block and interpolated between block centres. */
    private static GreyImage withoutPaper(GreyImage ink) {
        int w = ink.width();
        int h = ink.height();
        float[] v = ink.luminance();
        int bx = Math.min(BLOCKS, w);
        int by = Math.min(BLOCKS, h);
        float[][] level = new float[by][bx];
        for (int j = 0; j < by; j++) {
            for (int i = 0; i < bx; i++) {
                Levels block = new Levels();
                for (int y = j * h / by; y < (j + 1) * h / by; y++) {
                    for (int x = i * w / bx; x < (i + 1) * w / bx; x++) {
                        block.add(v[y * w + x]);
                    }
                }
                level[j][i] = block.quantile(PAPER_QUANTILE);
            }
        }
        level = lowestAround(level);
        // Which block centres each column lies between, and how far: the same on every row.
        int[] left = new int[w];
        int[] right = new int[w];
        double[] toRight = new double[w];
        for (int x = 0; x < w; x++) {
            double fx = Math.max(0, Math.min(bx - 1, (x + 0.5) * bx / w - 0.5));
            left[x] = (int) fx;
            right[x] = Math.min(bx - 1, left[x] + 1);
            toRight[x] = fx - left[x];
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, Math.min(by - 1, (y + 0.5) * by / h - 0.5));
            int j0 = (int) fy;
            float[] above = level[j0];
            float[] below = level[Math.min(by - 1, j0 + 1)];
            double ty = fy - j0;
            for (int x = 0; x < w; x++) {
                double tx = toRight[x];
                double paper = (1 - ty) * ((1 - tx) * above[left[x]] + tx * above[right[x]])
                        + ty * ((1 - tx) * below[left[x]] + tx * below[right[x]]);
                out[y * w + x] = (float) Math.max(0, v[y * w + x] - paper);
            }
        }
        return new GreyImage(w, h, out);
    }

    /** Each block's level the lowest of its own and its neighbours': a block the strokes fill shows ink, not paper. */
    private static float[][] lowestAround(float[][] level) {
        int by = level.length;
        int bx = level[0].length;
        float[][] out = new float[by][bx];
        for (int j = 0; j < by; j++) {
            for (int i = 0; i < bx; i++) {
                float lowest = level[j][i];
                for (int y = Math.max(0, j - 1); y <= Math.min(by - 1, j + 1); y++) {
                    for (int x = Math.max(0, i - 1); x <= Math.min(bx - 1, i + 1); x++) {
                        lowest = Math.min(lowest, level[y][x]);
                    }
                }
                out[j][i] = lowest;
            }
        }
        return out;
    }

    /**
     * Contrast stretched so that the strokes reach 1: the strokes' level is the 90th percentile of
     * the pixels clearly above the paper; what stays below the noise floor becomes 0.
     */
    private static GreyImage stretched(GreyImage ink) {
        float[] v = ink.luminance();
        float level = strokeLevel(ink);
        if (level == 0) {
            return new GreyImage(ink.width(), ink.height(), new float[v.length]);
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            float x = Math.min(1f, v[i] / level);
            out[i] = x < NOISE_FLOOR ? 0f : x;
        }
        return new GreyImage(ink.width(), ink.height(), out);
    }

    /** The strokes' level: the 90th percentile of the pixels clearly above the paper; 0 if nothing is. */
    private static float strokeLevel(GreyImage ink) {
        float max = 0;
        for (float value : ink.luminance()) {
            max = Math.max(max, value);
        }
        if (max < MIN_CONTRAST) {
            return 0;
        }
        float cut = max / 3;
        Levels strokes = new Levels();
        for (float value : ink.luminance()) {
            if (value >= cut) {
                strokes.add(value);
            }
        }
        return Math.max(1, strokes.quantile(0.9));
    }

    /** The bounding box {x, y, w, h} of all non-zero pixels, or null if there are none. */
    private static int[] inkBox(GreyImage ink) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < ink.height(); y++) {
            for (int x = 0; x < ink.width(); x++) {
                if (ink.at(x, y) > 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    /** Scaled so that the strongest pixel is 1: shrinking thins strokes into greys. */
    private static GreyImage normalised(GreyImage digit) {
        float max = 0;
        for (float value : digit.luminance()) {
            max = Math.max(max, value);
        }
        float[] out = new float[digit.luminance().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = digit.luminance()[i] / max;
        }
        return new GreyImage(digit.width(), digit.height(), out);
    }

    /**
     * The digit placed in a rows × cols field with its centre of mass at the field's centre, which
     * for MNIST is pixel (14, 14): the mean centre of mass of its digits.
     */
    private static float[] centred(GreyImage digit, int rows, int cols) {
        double mass = 0;
        double cx = 0;
        double cy = 0;
        for (int y = 0; y < digit.height(); y++) {
            for (int x = 0; x < digit.width(); x++) {
                double m = digit.at(x, y);
                mass += m;
                cx += m * x;
                cy += m * y;
            }
        }
        int left = (int) Math.round(cols / 2.0 - cx / mass);
        int top = (int) Math.round(rows / 2.0 - cy / mass);
        float[] field = new float[rows * cols];
        for (int y = 0; y < digit.height(); y++) {
            for (int x = 0; x < digit.width(); x++) {
                int fx = left + x;
                int fy = top + y;
                if (fx >= 0 && fx < cols && fy >= 0 && fy < rows) {
                    field[fy * cols + fx] = digit.at(x, y);
                }
            }
        }
        return field;
    }
}
