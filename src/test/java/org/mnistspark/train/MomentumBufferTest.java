package org.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The driver's block momentum on numbers small enough to follow by hand: values chosen to be exact in binary floats. */
class MomentumBufferTest {
    private static INDArray row(float... values) {
        return Nd4j.createFromArray(values).reshape(1, values.length);
    }

    private static void assertValues(float[] expected, INDArray actual) {
        assertArrayEquals(expected, actual.toFloatVector());
    }

    @Test
    void plainAveragingTakesTheWorkersMeanAndKeepsNothingForACheckpoint() {
        MomentumBuffer plain = MomentumBuffer.startingAtZero(BlockMomentum.PLAIN, 3);
        INDArray global = row(1, 2, 3);
        assertSame(global, plain.start(global));
        plain.move(global, global, row(1.5f, 2.5f, -3));
        assertValues(new float[] {1.5f, 2.5f, -3}, global);
        assertEquals(Map.of(), plain.checkpointArrays());
    }

    @Test
    void classicMomentumAddsMomentumTimesTheLastMoveToTheWorkersMeanMove() {
        MomentumBuffer momentum = MomentumBuffer.startingAtZero(new BlockMomentum(0.5, false), 2);
        INDArray global = row(1, 1);
        INDArray start = momentum.start(global);
        assertSame(global, start, "the workers start from the global parameters");
        momentum.move(global, start, row(1.25f, 0.5f));
        assertValues(new float[] {1.25f, 0.5f}, global);

        momentum.move(global, momentum.start(global), row(1.5f, 0.5f));
        // Δ = 0.5·(0.25, −0.5) + (0.25, 0) = (0.375, −0.25)
        assertValues(new float[] {1.625f, 0.25f}, global);
        assertValues(new float[] {0.375f, -0.25f}, momentum.checkpointArrays().values().iterator().next());
    }

    @Test
    void nesterovStartsTheWorkersFromTheLookAheadAndTakesTheirMoveFromThere() {
        MomentumBuffer momentum = MomentumBuffer.startingAtZero(new BlockMomentum(0.5, true), 2);
        INDArray global = row(1, 1);
        momentum.move(global, momentum.start(global), row(1.25f, 0.5f));

        INDArray start = momentum.start(global);
        // w + 0.5·Δ = (1.25, 0.5) + 0.5·(0.25, −0.5)
        assertValues(new float[] {1.375f, 0.25f}, start);
        assertValues(new float[] {1.25f, 0.5f}, global);
        momentum.move(global, start, row(1.5f, 0.5f));
        // Δ = 0.5·(0.25, −0.5) + ((1.5, 0.5) − (1.375, 0.25)) = (0.25, 0)
        assertValues(new float[] {1.5f, 0.5f}, global);
    }

    @Test
    void aRestoredBufferGoesOnAsTheSavedOne() {
        BlockMomentum setting = new BlockMomentum(0.5, false);
        MomentumBuffer saved = MomentumBuffer.startingAtZero(setting, 2);
        INDArray global = row(0, 0);
        saved.move(global, global, row(1, -1));
        MomentumBuffer restored = MomentumBuffer.restore(setting, Map.of("block-momentum-buffer", row(1, -1)), "checkpoint.zip");
        INDArray restoredGlobal = global.dup();

        saved.move(global, global, row(1, -1));
        restored.move(restoredGlobal, restoredGlobal, row(1, -1));
        assertValues(new float[] {1.5f, -1.5f}, global);
        assertValues(global.toFloatVector(), restoredGlobal);
    }

    @Test
    void aCheckpointWithoutTheBufferCannotGoOnWithMomentum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MomentumBuffer.restore(new BlockMomentum(0.5, false), Map.of(), "runs/x/checkpoint.zip"));
        assertEquals("runs/x/checkpoint.zip: holds no block momentum buffer, which the run's block momentum of 0.5 needs to go on", e.getMessage());
        assertEquals(Map.of(), MomentumBuffer.restore(BlockMomentum.PLAIN, Map.of(), "runs/x/checkpoint.zip").checkpointArrays());
    }

    /** A buffer value left to shrink by the momentum a round reaches the subnormal range; it is set to zero there. */
    @Test
    void flushesSubnormalValuesFromTheBuffer() {
        MomentumBuffer momentum = MomentumBuffer.startingAtZero(new BlockMomentum(0.5, false), 2);
        INDArray global = row(1, 0);
        momentum.move(global, global, row(1.5f, Float.MIN_NORMAL));
        assertEquals(0, momentum.flushSubnormals());
        momentum.move(global, global, global.dup());
        INDArray buffer = momentum.checkpointArrays().values().iterator().next();
        assertEquals(Float.MIN_NORMAL / 2, buffer.getFloat(1));
        assertEquals(1, momentum.flushSubnormals());
        assertValues(new float[] {0.25f, 0}, buffer);
    }

    @Test
    void refusesAMomentumOutsideZeroToOne() {
        for (double m : new double[] {-0.1, 1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BlockMomentum(m, false));
            assertEquals("block momentum must be at least 0 and below 1, not " + m, e.getMessage());
        }
    }
}
