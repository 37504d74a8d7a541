package org.mnistspark.image;

/** Ways of turning a picture of a digit into model input: values in [0, 1], ink high, paper 0. */
public enum Preprocessing {
    /** As MNIST itself was made: see {@link MnistStyle}. */
    MNIST {
        @Override
        public float[] apply(GreyImage image, int rows, int cols) {
            return MnistStyle.apply(image, rows, cols);
        }
    },

    /**
     * The original article's recipe: greyscale, shrink to fit 28×28 keeping the aspect ratio (never
     * enlarging), invert ({@code 1 - v/255}), then raise contrast with {@code clip(2x - 0.5, 0, 1)}.
     * Where the shrunken picture is not square, the rest of the canvas is blank paper, the picture centred.
     */
    SEED {
        @Override
        public float[] apply(GreyImage image, int rows, int cols) {
            double scale = Math.min(1.0, Math.min((double) cols / image.width(), (double) rows / image.height()));
            int w = Math.max(1, (int) Math.round(image.width() * scale));
            int h = Math.max(1, (int) Math.round(image.height() * scale));
            GreyImage small = image.resized(w, h);
            float[] input = new float[rows * cols];
            int left = (cols - w) / 2;
            int top = (rows - h) / 2;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float ink = 1 - small.at(x, y) / 255f;
                    input[(top + y) * cols + left + x] = Math.min(1f, Math.max(0f, 2 * ink - 0.5f));
                }
            }
            return input;
        }
    };

    /** The model input for {@code image}: rows × cols values in [0, 1], row-major. */
    public abstract float[] apply(GreyImage image, int rows, int cols);

    /** The model input for an image file's bytes, decoded as {@link ImageDecoder#decode} does; throws {@link UnreadableImageException}. */
    public float[] read(byte[] file, long maxPixels, int rows, int cols) {
        return apply(ImageDecoder.decode(file, maxPixels).grey(), rows, cols);
    }
}
