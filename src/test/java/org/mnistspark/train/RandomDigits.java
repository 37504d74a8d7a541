package org.mnistspark.train;

import java.util.Random;
import org.mnistspark.model.InputShape;

/**
 * Pictures of random pixels with random labels, for the tests of the rounds' arithmetic and of exact
 * resumes: what they hold does not depend on what the pictures show, nor on their size.
 */
final class RandomDigits {
    /** A quarter of MNIST's pixels: a step on them costs a fraction of one on MNIST's. */
    static final InputShape SHAPE = new InputShape(14, 14, 10);

    private RandomDigits() {}

    static TrainingSet of(int count, long seed) {
        Random random = new Random(seed);
        int[] labels = new int[count];
        byte[] pixels = new byte[count * SHAPE.pixels()];
        random.nextBytes(pixels);
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(SHAPE.classes());
        }
        return new TrainingSet(labels, pixels, SHAPE.pixels());
    }
}
