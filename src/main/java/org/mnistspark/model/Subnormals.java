package org.mnistspark.model;

import java.nio.FloatBuffer;
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

    private Subnormals() {}

    /** Sets every subnormal value of a contiguous float array to zero; returns how many there were. */
    public static long flush(INDArray array) {
        return flushBelow(array, Float.MIN_NORMAL);
    }

    /** Sets every value of Adam's state (a contiguous float array) below 2^-80 in magnitude, subnormals included, to zero; returns how many there were. */
    public static long flushAdamState(INDArray state) {
        return flushBelow(state, ADAM_STATE_FLOOR);
    }

    /** How many values of a contiguous float array are subnormal. */
    public static long count(INDArray array) {
        FloatBuffer values = PackedFloats.nativeView(array);
        long count = 0;
        for (int i = 0; i < values.limit(); i++) {
            count += isBelow(Float.floatToRawIntBits(values.get(i)), Float.floatToRawIntBits(Float.MIN_NORMAL)) ? 1 : 0;
        }
        return count;
    }

    private static long flushBelow(INDArray array, float floor) {
        int floorBits = Float.floatToRawIntBits(floor);
        FloatBuffer values = PackedFloats.nativeView(array);
        long flushed = 0;
        for (int i = 0; i < values.limit(); i++) {
            if (isBelow(Float.floatToRawIntBits(values.get(i)), floorBits)) {
                values.put(i, 0f);
                flushed++;
            }
        }
        return flushed;
    }

    /** Whether a float's magnitude is non-zero and below that of a positive {@code floor}: for floats that are not NaN, magnitudes order as their bits. */
    private static boolean isBelow(int bits, int floorBits) {
        int magnitude = bits & 0x7fff_ffff;
        return magnitude != 0 && magnitude < floorBits;
    }
}
