package org.mnistspark.ml;

import org.mnistspark.model.Temperature;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the network made of a batch, read as {@code score} reads it: the probabilities at the model's
 * temperature (the very floats {@code score} writes), and their logarithms, Spark's raw prediction.
 */
final class ClassScores {
    private final INDArray unscaled;
    private final INDArray probabilities;
    private final double temperature;

    private ClassScores(INDArray unscaled, double temperature) {
        this.unscaled = unscaled;
        this.probabilities = Temperature.apply(unscaled, temperature);
        this.temperature = temperature;
    }

    /** {@code unscaled}: the network's own softmax, one row per input. */
    static ClassScores of(INDArray unscaled, double temperature) {
        return new ClassScores(unscaled, temperature);
    }

    float[] probabilities(int row) {
        return probabilities.getRow(row).toFloatVector();
    }

    double[] logProbabilities(int row) {
        return Temperature.logProbabilities(unscaled.getRow(row).toFloatVector(), temperature);
    }

    /**
     * The predicted class: the most probable, the first of equals as {@code score} takes it; with
     * {@code thresholds} (null for none), the largest probability over its class's threshold, as Spark's
     * probabilistic classifiers choose.
     */
    static int prediction(float[] probabilities, double[] thresholds) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < probabilities.length; c++) {
            double score = thresholds == null ? probabilities[c] : probabilities[c] / thresholds[c];
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    static double[] doubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }
}
