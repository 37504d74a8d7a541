package org.mnistspark.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Subnormal floats (0 < |x| < {@link Float#MIN_NORMAL}) in a network's parameters and Adam's state.
 * Adam multiplies the moments of a parameter whose gradient has stopped (a dead ReLU unit, a pixel
 * that is always blank) by 0.9 and 0.999 each step, so they sink through the subnormal range over
 * thousands of steps; on Intel cores every arithmetic operation on such a value takes a microcode
 * assist of about a hundred cycles, and a long run slows to a third of its speed. Zero in their place
 * changes an update by less than 1e-30 of Adam's epsilon. The values are told by their bits alone,
 * so finding them costs no floating-point operation on a subnormal.
 */
public final class Subnormals {
    private static final int EXPONENT = 0x7f80_0000;
    private static final int FRACTION = 0x007f_ffff;

    private Subnormals() {}

    /** Sets every subnormal value of a contiguous float array to zero; returns how many there were. */
    public static long flush(INDArray array) {
        FloatBuffer values = PackedFloats.nativeView(array);
        long flushed = 0;
        for (int i = 0; i < values.limit(); i++) {
            if (isSubnormal(Float.floatToRawIntBits(values.get(i)))) {
                values.put(i, 0f);
                flushed++;
            }
        }
        return flushed;
    }

    /** How many values of a contiguous float array are subnormal. */
    public static long count(INDArray array) {
        FloatBuffer values = PackedFloats.nativeView(array);
        long count = 0;
        for (int i = 0; i < values.limit(); i++) {
            count += isSubnormal(Float.floatToRawIntBits(values.get(i))) ? 1 : 0;
        }
        return count;
    }

    private static boolean isSubnormal(int bits) {
        return (bits & EXPONENT) == 0 && (bits & FRACTION) != 0;
    }
}
