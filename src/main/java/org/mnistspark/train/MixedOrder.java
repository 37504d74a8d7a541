package org.mnistspark.train;

/**
 * Minibatches drawn from two training sets laid end to end: {@code firstShare} examples of each
 * minibatch from the first set, the rest from the second, each set shuffled and walked through as
 * {@link StepOrder} does on its own (with seeds of their own), so a step's minibatch depends on the step
 * alone. An epoch is a pass over the second set, the scans a run is fitting.
 */
final class MixedOrder implements BatchOrder {
    private final StepOrder first;
    private final StepOrder second;
    private final int firstCount;

    /**
     * {@code firstCount} examples in the first set, {@code secondCount} after them; {@code secondShare} of
     * each minibatch of {@code batchSize} comes from the second, rounded to whole examples and at least one from each.
     */
    MixedOrder(int firstCount, int secondCount, int batchSize, double secondShare, long seed) {
        int fromSecond = secondExamples(batchSize, secondShare);
        this.first = new StepOrder(firstCount, batchSize - fromSecond, seed);
        this.second = new StepOrder(secondCount, fromSecond, seed + 1);
        this.firstCount = firstCount;
    }

    /** How many of a minibatch's examples come from the second set. */
    static int secondExamples(int batchSize, double secondShare) {
        return (int) Math.max(1, Math.min(batchSize - 1, Math.round(secondShare * batchSize)));
    }

    @Override
    public int[] examplesOf(long step) {
        int[] a = first.examplesOf(step);
        int[] b = second.examplesOf(step);
        int[] both = new int[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        for (int i = 0; i < b.length; i++) {
            both[a.length + i] = firstCount + b[i];
        }
        return both;
    }

    @Override
    public long perEpoch() {
        return second.perEpoch();
    }
}
