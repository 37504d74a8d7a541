package org.mnistspark.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Temperature scaling: the class probabilities softmax(z / T) for the network's logits z, with one
 * number T fitted after training on examples the training steps never saw. It changes no prediction
 * (the order of the classes stays), only how sure each one is: T above 1 softens, below 1 sharpens.
 * The logits are recovered as log(probabilities), which softmax cannot tell from the logits because
 * it ignores a shift common to a row.
 */
public final class Temperature {
    /** Where a probability the float softmax rounded to 0 is put: below log of the smallest float, still the least likely. */
    private static final double LOG_OF_ZERO = Math.log(Float.MIN_VALUE) - 1;
    /** The search's range: far beyond any temperature a trained network needs. */
    private static final double MIN_LOG_T = Math.log(0.02);
    private static final double MAX_LOG_T = Math.log(50);
    /** Golden-section search stops when log T is known this closely (0.01% of T). */
    private static final double TOLERANCE = 1e-4;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private Temperature() {}

    /** {@code probabilities} (one row per example) rescaled to temperature {@code t}; at 1, the same array. */
    public static INDArray apply(INDArray probabilities, double t) {
        if (t == 1) {
            return probabilities;
        }
        int rows = (int) probabilities.rows();
        int classes = (int) probabilities.columns();
        float[] scaled = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            double[] row = scale(probabilities.getRow(r).toFloatVector(), t);
            for (int c = 0; c < classes; c++) {
                scaled[r * classes + c] = (float) row[c];
            }
        }
        return Nd4j.create(scaled, new long[] {rows, classes}, DataType.FLOAT);
    }

    /** softmax(log(p) / t). */
    static double[] scale(float[] probabilities, double t) {
        double[] scaled = logScaled(probabilities, t);
        for (int c = 0; c < scaled.length; c++) {
            scaled[c] = Math.exp(scaled[c]);
        }
        return scaled;
    }

    /** log softmax(log(p) / t): the logarithms of the probabilities {@link #apply} gives at temperature {@code t}. */
    public static double[] logProbabilities(float[] probabilities, double t) {
        return logScaled(probabilities, t);
    }

    /** The mean negative log-likelihood of {@code labels} under the probabilities rescaled to temperature {@code t}. */
    public static double loss(float[][] probabilities, int[] labels, double t) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= logScaled(probabilities[i], t)[labels[i]];
        }
        return sum / labels.length;
    }

    /**
     * log softmax(z / t) for z = log(p): z/t - log Σ exp(z/t), with the largest term factored out so
     * that nothing overflows, and in logs so that a confident mistake keeps its finite, large loss.
     */
    private static double[] logScaled(float[] probabilities, double t) {
        double[] scaled = new double[probabilities.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < scaled.length; c++) {
            scaled[c] = logit(probabilities[c]) / t;
            max = Math.max(max, scaled[c]);
        }
        double sum = 0;
        for (double z : scaled) {
            sum += Math.exp(z - max);
        }
        double log = max + Math.log(sum);
        for (int c = 0; c < scaled.length; c++) {
            scaled[c] -= log;
        }
        return scaled;
    }

    /**
     * The temperature that minimises {@link #loss} on these examples: a golden-section search over log T,
     * on which the loss has one minimum (it is convex in 1/T). With no examples, 1.
     */
    public static double fit(float[][] probabilities, int[] labels) {
        if (labels.length == 0) {
            return 1;
        }
        double a = MIN_LOG_T;
        double b = MAX_LOG_T;
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double lossC = loss(probabilities, labels, Math.exp(c));
        double lossD = loss(probabilities, labels, Math.exp(d));
        while (b - a > TOLERANCE) {
            if (lossC <= lossD) {
                b = d;
                d = c;
                lossD = lossC;
                c = b - GOLDEN * (b - a);
                lossC = loss(probabilities, labels, Math.exp(c));
            } else {
                a = c;
                c = d;
                lossC = lossD;
                d = a + GOLDEN * (b - a);
                lossD = loss(probabilities, labels, Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }

    private static double logit(float probability) {
        return probability > 0 ? Math.log(probability) : LOG_OF_ZERO;
    }
}
