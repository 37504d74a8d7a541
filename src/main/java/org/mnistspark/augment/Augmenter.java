package org.mnistspark.augment;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Applies an {@link Augmentation} to minibatches of rows × cols one-byte images (0 blank, 255 full
 * ink). Each image's changes are drawn from a generator seeded by the run's seed, the step and the
 * image's position in the minibatch, nothing else, so a rerun task or a resumed run repeats them
 * exactly. Kernels are computed once, here; an instance is immutable and safe to share between threads.
 */
public final class Augmenter implements Serializable {
    /** Blur strengths are drawn from this many kernels, evenly spaced up to the settings' sigma. */
    private static final int BLUR_LEVELS = 4;

    private final Augmentation settings;
    private final int rows;
    private final int cols;
    private final long seed;
    private final ElasticField elasticFields;
    private final GaussianKernel[] blurKernels;

    public Augmenter(Augmentation settings, int rows, int cols, long seed) {
        this.settings = settings;
        this.rows = rows;
        this.cols = cols;
        this.seed = seed;
        this.elasticFields = settings.elastic().sigma() > 0 ? new ElasticField(rows, cols, settings.elastic().sigma()) : null;
        this.blurKernels = new GaussianKernel[settings.blur().sigma() > 0 ? BLUR_LEVELS : 0];
        for (int i = 0; i < blurKernels.length; i++) {
            blurKernels[i] = new GaussianKernel(settings.blur().sigma() * (i + 1) / BLUR_LEVELS);
        }
    }

    /** The images of step {@code step}'s minibatch, changed; {@code pixels} itself when nothing is on. */
    public byte[] apply(byte[] pixels, long step) {
        if (settings.changesNothing()) {
            return pixels;
        }
        int size = rows * cols;
        if (pixels.length % size != 0) {
            throw new IllegalArgumentException(pixels.length + " bytes are not whole images of " + rows + "×" + cols);
        }
        byte[] out = new byte[pixels.length];
        float[] image = new float[size];
        for (int n = 0; n < pixels.length / size; n++) {
            for (int i = 0; i < size; i++) {
                image[i] = pixels[n * size + i] & 0xff;
            }
            float[] changed = apply(image, random(step, n));
            for (int i = 0; i < size; i++) {
                out[n * size + i] = (byte) Math.round(Math.min(255f, Math.max(0f, changed[i])));
            }
        }
        return out;
    }

    /** The generator of image {@code index} of step {@code step}: SplittableRandom mixes the seed it is given. */
    private SplittableRandom random(long step, int index) {
        return new SplittableRandom((seed * 1_000_003L + step) * 1_000_003L + index);
    }

    /** One image, grey levels 0..255, through each transformation its draw turns on. */
    private float[] apply(float[] image, SplittableRandom random) {
        boolean affine = random.nextDouble() < settings.affine().probability();
        // Drawn only when on, so that runs without it, recorded before it existed too, see the images they always did.
        boolean proportion = settings.proportion().probability() > 0 && random.nextDouble() < settings.proportion().probability();
        boolean elastic = random.nextDouble() < settings.elastic().probability() && elasticFields != null;
        float[] out = image;
        if (affine || proportion || elastic) {
            Warp warp = new Warp(rows, cols);
            if (affine) {
                warp.affine(AffineChange.draw(settings.affine(), random), image);
            }
            if (proportion) {
                warp.proportion(settings.proportion().strength() * (2 * random.nextDouble() - 1), image);
            }
            if (elastic) {
                warp.elastic(elasticFields, settings.elastic().alpha(), random);
            }
            out = warp.apply(image);
        }
        if (random.nextDouble() < settings.pen().probability()) {
            out = PenStroke.apply(out, rows, cols, random.nextBoolean(), settings.pen().strength() * (0.5 + 0.5 * random.nextDouble()));
        }
        if (random.nextDouble() < settings.blur().probability() && blurKernels.length > 0) {
            // The blur works in place: never on the caller's image.
            out = out == image ? out.clone() : out;
            blurKernels[random.nextInt(blurKernels.length)].smooth(out, rows, cols);
        }
        if (random.nextDouble() < settings.noise().probability()) {
            out = SensorNoise.apply(out, settings.noise().sigma() * random.nextDouble(), random);
        }
        return out;
    }
}
