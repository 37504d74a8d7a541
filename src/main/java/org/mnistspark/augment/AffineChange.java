package org.mnistspark.augment;

import java.util.random.RandomGenerator;

/** One affine change of an image: rotation (radians, clockwise on screen), scale, horizontal shear, shift (pixels). */
record AffineChange(double angle, double scale, double shear, double dx, double dy) {
    static final AffineChange IDENTITY = new AffineChange(0, 1, 0, 0, 0);

    /** Each part drawn uniformly within {@code bounds}. */
    static AffineChange draw(Augmentation.Affine bounds, RandomGenerator random) {
        return new AffineChange(Math.toRadians(symmetric(random, bounds.rotationDegrees())), 1 + symmetric(random, bounds.scale()),
                symmetric(random, bounds.shear()), symmetric(random, bounds.shiftPixels()), symmetric(random, bounds.shiftPixels()));
    }

    /** Uniform in [-bound, bound]. */
    private static double symmetric(RandomGenerator random, double bound) {
        return (2 * random.nextDouble() - 1) * bound;
    }

    /** The change as a matrix [a b; c d]: rotation · shear · scale. */
    double[] matrix() {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return new double[] {cos * scale, (cos * shear - sin) * scale, sin * scale, (sin * shear + cos) * scale};
    }
}
