package org.mnistspark.augment;

import java.util.random.RandomGenerator;

/** A scanner's or a camera's noise: independent Gaussian noise on every pixel, paper included. */
final class SensorNoise {
    private SensorNoise() {}

    /** {@code image} plus noise of standard deviation {@code sigma} grey levels (unclamped: the caller rounds into 0..255). */
    static float[] apply(float[] image, double sigma, RandomGenerator random) {
        float[] out = new float[image.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (image[i] + sigma * random.nextGaussian());
        }
        return out;
    }
}
