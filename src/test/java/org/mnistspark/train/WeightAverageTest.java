package org.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WeightAverageTest {
    /** Far enough into a run that the decay is the one given, not the early cap. */
    private static final long LATE = 1_000_000_000L;

    @Test
    void eachRoundMovesTheAverageTowardsTheParametersByOneMinusTheDecayToTheRoundsSteps() {
        WeightAverage average = WeightAverage.startingAt(0.99, row(0, 10));
        average.update(row(1, 20), 5, LATE);
        double kept = Math.pow(0.99, 5);
        assertArrayEquals(new float[] {(float) (1 - kept), (float) (10 * kept + 20 * (1 - kept))}, values(average), 1e-6f);
    }

    /** The decay is per step: the workers and the averaging frequency change how often it is applied, not what it means. */
    @Test
    void twoRoundsOfFiveStepsKeepWhatOneRoundOfTenKeeps() {
        WeightAverage twice = WeightAverage.startingAt(0.999, row(0, 0));
        twice.update(row(1, -1), 5, LATE);
        twice.update(row(1, -1), 5, LATE);
        WeightAverage once = WeightAverage.startingAt(0.999, row(0, 0));
        once.update(row(1, -1), 10, LATE);
        assertArrayEquals(values(once), values(twice), 1e-7f);
    }

    /** Early in a run the average follows the parameters: a network's first steps leave its random start far behind. */
    @Test
    void earlyInARunTheAverageKeepsAtMostOnePlusTOverTenPlusT() {
        WeightAverage average = WeightAverage.startingAt(0.9999, row(0, 0));
        average.update(row(11, 11), 1, 1);
        // (1 + 1) / (10 + 1) of the start, the rest from the parameters.
        assertArrayEquals(new float[] {9, 9}, values(average), 1e-5f);
    }

    @Test
    void noDecayKeepsNoAverage() {
        WeightAverage none = WeightAverage.startingAt(0, row(1, 2));
        none.update(row(3, 4), 10, LATE);
        assertEquals(Map.of(), none.checkpointArrays());
        assertEquals("weights: the last round's parameters are the model", none.describe());
        assertEquals(Map.of(), WeightAverage.restore(0, Map.of(), "checkpoint.zip").checkpointArrays());
    }

    @Test
    void aCheckpointGivesBackItsAverage() {
        WeightAverage average = WeightAverage.startingAt(0.9, row(1, 2));
        average.update(row(3, 4), 2, LATE);
        WeightAverage restored = WeightAverage.restore(0.9, average.checkpointArrays(), "checkpoint.zip");
        assertArrayEquals(values(average), values(restored));
    }

    @Test
    void aCheckpointWithoutTheAverageTheRunNeedsIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightAverage.restore(0.9995, Map.of("block-momentum-buffer", row(0, 0)), "runs/a/checkpoint.zip"));
        assertEquals("runs/a/checkpoint.zip: holds no weight average, which the run's --ema-decay of 0.9995 needs to go on", e.getMessage());
    }

    @Test
    void describesTheStepsTheAverageSpans() {
        assertEquals("weights: the model is the parameters' exponential moving average, decay 0.9995 a step (about the last 2,000 steps)",
                WeightAverage.startingAt(0.9995, row(0, 0)).describe());
    }

    private static INDArray row(float... values) {
        return Nd4j.createFromArray(values).reshape(1, values.length);
    }

    private static float[] values(WeightAverage average) {
        return average.checkpointArrays().get("weight-average").toFloatVector();
    }
}
