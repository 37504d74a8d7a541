package org.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistspark.model.PackedFloats;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WorkerSumTest {
    /** Values whose sum rounds differently in different orders: 1 + 1e-8 is 1 in floats, 1e-8 + 1e-8 is not 0. */
    private static WorkerSum worker(int index, float value) {
        INDArray values = Nd4j.createFromArray(value, -value).reshape(1, 2);
        return WorkerSum.of(index, PackedFloats.of(values), PackedFloats.of(values), index);
    }

    @Test
    void sumsInTheWorkersOrderWhateverOrderTheyCameIn() {
        WorkerSum inOrder = WorkerSum.inOrder(List.of(worker(0, 1f), worker(1, 1e-8f), worker(2, 1e-8f), worker(3, -1f)));
        WorkerSum shuffled = WorkerSum.inOrder(List.of(worker(2, 1e-8f), worker(0, 1f), worker(3, -1f), worker(1, 1e-8f)));

        assertEquals(0, inOrder.first());
        assertEquals(4, inOrder.count());
        assertEquals(6, inOrder.lossSum());
        assertArrayEquals(inOrder.parameters().bytes(), shuffled.parameters().bytes());
        assertArrayEquals(inOrder.updaterState().bytes(), shuffled.updaterState().bytes());
        // ((1 + 1e-8) + 1e-8) - 1 in floats: the small terms are lost, as the workers' order dictates.
        assertEquals(0f, inOrder.parameters().toRow().getFloat(0));
    }

    @Test
    void refusesRangesWithAGap() {
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                () -> WorkerSum.inOrder(List.of(worker(0, 1f), worker(2, 1f))));
        assertEquals("workers 0–0 and 2 onwards are not adjacent", gap.getMessage());
    }
}
