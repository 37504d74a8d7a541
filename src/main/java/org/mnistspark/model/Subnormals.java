package org.mnistspark.model;

import java.nio.IntBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Subnormal floats (0 < |x| < {@link Float#MIN_NORMAL}) in a network's parameters and Adam's state,
 * and the values of Adam's state that would make them. Adam multiplies the moments of a parameter
 * whose gradient has stopped (a dead ReLU unit, a pixel that is always blank) by 0.9 and 0.999 each
 * step, so they sink through the subnormal range over thousands of steps; on Intel cores every
 * arithmetic operation on such a value takes a microcode assist of about a hundred cycles, and a long
 * run slows to a third of its speed. The values are told by their bits alone, so finding them costs
 * no floating-point operation on a subnormal.
 */
public final class Subnormals {
    /**
     * Adam's update multiplies the first moment by the step's rate: once a decaying rate nears zero
     * (1.5e-3 over 7,500 updates a worker ends at 2e-7), moments far above the subnormal range give
     * subnormal products, and on Intel the last tenth of a run trained at half speed. A moment below
     * 2^-80 (about 8e-25) moves its parameter by less than 1e-19 (the rate times the moment over
     * Adam's epsilon, 1e-8), and a second moment that small changes the divisor sqrt(v) + epsilon
     * by less than 1e-4 of epsilon: zero in their place changes nothing that a float of the
     * parameters can hold, and keeps the products normal down to a rate of 1e-13.
     */
    private static final float ADAM_STATE_FLOOR = 0x1p-80f;
    /** Values read at a time: 16 KB, well inside a core's first-level cache. */
    private static final int CHUNK = 4096;

    private Subnormals() {}

    /** Sets every subnormal value of a contiguous float array to zero; returns how many there were. */
    public static long flush(INDArray array) {
        return below(array, Float.MIN_NORMAL, true);
    }

    /** Sets every value of Adam's state (a contiguous float array) below 2^-80 in magnitude, subnormals included, to zero; returns how many there were. */
    public static long flushAdamState(INDArray state) {
        return below(state, ADAM_STATE_FLOOR, true);
    }

    /** How many values of a contiguous float array are subnormal. */
    public static long count(INDArray array) {
        return below(array, Float.MIN_NORMAL, false);
    }

    /**
     * Counts the non-zero values below {@code floor} in magnitude, setting them to zero if asked. The bits are
     * copied out a chunk at a time and read from a Java array. Read one at a time from the native buffer, with
     * an index check each, the seed recipe's four passes a round (16 million values) took a quarter of the
     * driver's time between rounds, when no worker trains.
     */
    private static long below(INDArray array, float floor, boolean zero) {
        int floorBits = Float.floatToRawIntBits(floor);
        IntBuffer bits = PackedFloats.nativeBits(array);
        int[] chunk = new int[CHUNK];
        long found = 0;
        for (int from = 0; from < bits.limit(); from += CHUNK) {
            int n = Math.min(CHUNK, bits.limit() - from);
            bits.get(from, chunk, 0, n);
            for (int i = 0; i < n; i++) {
                if (isBelow(chunk[i], floorBits)) {
                    found++;
                    if (zero) {
                        bits.put(from + i, 0);
                    }
                }
            }
        }
        return found;
    }

    /** Whether a float's magnitude is non-zero and below that of a positive {@code floor}: for floats that are not NaN, magnitudes order as their bits. */
    private static boolean isBelow(int bits, int floorBits) {
        int magnitude = bits & 0x7fff_ffff;
        return magnitude != 0 && magnitude < floorBits;
    }
}
