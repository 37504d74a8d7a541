package org.mnistspark.image;

/** A histogram of grey levels 0–255, for quantiles in linear time: photos have millions of pixels. */
final class Levels {
    private final int[] bins = new int[256];
    private int count;

    void add(float value) {
        bins[Math.max(0, Math.min(255, (int) value))]++;
        count++;
    }

    int count() {
        return count;
    }

    /** The level below which a fraction {@code q} of the values lie, to the nearest grey level. */
    float quantile(double q) {
        long rank = (long) (q * (count - 1));
        long seen = 0;
        for (int level = 0; level < bins.length; level++) {
            seen += bins[level];
            if (seen > rank) {
                return level;
            }
        }
        return 255;
    }
}
