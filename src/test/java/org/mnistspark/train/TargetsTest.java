package org.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class TargetsTest {
    @Test
    void withoutSmoothingEachRowIsOneHot() {
        INDArray rows = new Targets(4, 0).of(new int[] {2, 0});
        assertArrayEquals(new long[] {2, 4}, rows.shape());
        assertArrayEquals(new float[] {0, 0, 1, 0}, rows.getRow(0).toFloatVector());
        assertArrayEquals(new float[] {1, 0, 0, 0}, rows.getRow(1).toFloatVector());
    }

    @Test
    void smoothingSpreadsItsShareOverEveryClassAndEachRowStillSumsToOne() {
        INDArray rows = new Targets(10, 0.1).of(new int[] {7});
        float[] row = rows.getRow(0).toFloatVector();
        for (int c = 0; c < 10; c++) {
            assertEquals(c == 7 ? 0.91f : 0.01f, row[c], 1e-7f, "class " + c);
        }
        assertEquals(1.0, rows.sumNumber().doubleValue(), 1e-6);
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertEquals("label smoothing must be at least 0 and below 1, not 1.0",
                assertThrows(IllegalArgumentException.class, () -> new Targets(10, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Targets(10, -0.1));
    }
}
