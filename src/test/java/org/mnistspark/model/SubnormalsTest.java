package org.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SubnormalsTest {
    private static final float SMALLEST_SUBNORMAL = Float.MIN_VALUE;
    private static final float LARGEST_SUBNORMAL = Math.nextDown(Float.MIN_NORMAL);

    @Test
    void flushesSubnormalsOfEitherSignAndNothingElse() {
        INDArray values = Nd4j.createFromArray(SMALLEST_SUBNORMAL, -LARGEST_SUBNORMAL, Float.MIN_NORMAL, -Float.MIN_NORMAL, 0f, -0f,
                1e-30f, Float.NaN, Float.POSITIVE_INFINITY, -3.5f);
        assertEquals(2, Subnormals.count(values));
        assertEquals(2, Subnormals.flush(values));
        assertArrayEquals(new float[] {0f, 0f, Float.MIN_NORMAL, -Float.MIN_NORMAL, 0f, -0f, 1e-30f, Float.NaN,
                Float.POSITIVE_INFINITY, -3.5f}, values.toFloatVector());
        assertEquals(0, Subnormals.count(values));
    }

    @Test
    void flushesAdamStateBelowTwoToTheMinusEightyAndNothingElse() {
        float floor = 0x1p-80f;
        INDArray state = Nd4j.createFromArray(SMALLEST_SUBNORMAL, Float.MIN_NORMAL, 1e-30f, -Math.nextDown(floor), floor, -floor,
                1e-24f, 0f, Float.NaN, Float.NEGATIVE_INFINITY, 0.25f);
        assertEquals(4, Subnormals.flushAdamState(state));
        assertArrayEquals(new float[] {0f, 0f, 0f, 0f, floor, -floor, 1e-24f, 0f, Float.NaN, Float.NEGATIVE_INFINITY, 0.25f},
                state.toFloatVector());
    }

    @Test
    void touchesOnlyTheViewItIsGiven() {
        INDArray matrix = Nd4j.valueArrayOf(new long[] {3, 4}, SMALLEST_SUBNORMAL);
        assertEquals(4, Subnormals.flush(matrix.getRow(1)));
        assertEquals(8, Subnormals.count(matrix));
        assertEquals(0, Subnormals.count(matrix.getRow(1)));
    }

    /** The values are read a few thousand at a time: those at either side of every boundary, and in a last short chunk, count. */
    @Test
    void findsEveryValueOfALongArrayAndOfAViewOfOne() {
        int length = 3 * 4096 + 5;
        float[] values = new float[length];
        Arrays.fill(values, 1f);
        int[] subnormal = {0, 4095, 4096, 8191, 8192, length - 1};
        for (int i : subnormal) {
            values[i] = -SMALLEST_SUBNORMAL;
        }
        INDArray rows = Nd4j.create(new float[length * 2], new long[] {2, length});
        rows.getRow(1).assign(Nd4j.createFromArray(values));
        assertEquals(0, Subnormals.count(rows.getRow(0)));
        assertEquals(subnormal.length, Subnormals.count(rows.getRow(1)));
        assertEquals(subnormal.length, Subnormals.flush(rows.getRow(1)));
        float[] flushed = values.clone();
        for (int i : subnormal) {
            flushed[i] = 0f;
        }
        assertArrayEquals(flushed, rows.getRow(1).toFloatVector());
        assertEquals(0, Subnormals.count(rows));
    }
}
