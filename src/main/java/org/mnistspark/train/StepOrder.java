package org.mnistspark.train;

import java.util.Arrays;
import java.util.Random;

/**
 * Which examples make up each step's minibatch, like TensorFlow's {@code next_batch}: each epoch is
 * a fresh shuffle seeded by the run's seed and the epoch, cut into consecutive minibatches, and step
 * {@code s} is minibatch {@code s mod perEpoch} of epoch {@code s / perEpoch}. Examples left over
 * after the last full minibatch of an epoch wait for the next shuffle. A function of the seed and the
 * step alone, so any worker, and a resumed run, can tell.
 */
final class StepOrder implements BatchOrder {
    private final int examples;
    private final int batchSize;
    private final long seed;
    private transient long shuffledEpoch;
    private transient int[] shuffled;

    StepOrder(int examples, int batchSize, long seed) {
        if (examples < batchSize) {
            throw new IllegalArgumentException("the training set holds " + examples + " examples, fewer than one minibatch of " + batchSize);
        }
        this.examples = examples;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    public long perEpoch() {
        return examples / batchSize;
    }

    @Override
    public synchronized int[] examplesOf(long step) {
        long epoch = step / perEpoch();
        if (shuffled == null || epoch != shuffledEpoch) {
            shuffled = shuffle(epoch);
            shuffledEpoch = epoch;
        }
        int first = (int) (step % perEpoch()) * batchSize;
        return Arrays.copyOfRange(shuffled, first, first + batchSize);
    }

    /** A seeded Fisher–Yates shuffle of all example indices. */
    private int[] shuffle(long epoch) {
        int[] order = new int[examples];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed * 1_000_003L + epoch);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
