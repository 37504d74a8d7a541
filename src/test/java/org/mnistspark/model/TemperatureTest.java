package org.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TemperatureTest {
    private static final int CLASSES = 10;

    /**
     * Examples whose labels are drawn from softmax(z / t) while the network reports softmax(z): a
     * network that is miscalibrated by exactly t, which the fit should find.
     */
    private record Synthetic(float[][] probabilities, int[] labels) {
        static Synthetic of(int count, double t, long seed) {
            Random random = new Random(seed);
            float[][] probabilities = new float[count][];
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                double[] z = new double[CLASSES];
                int favoured = random.nextInt(CLASSES);
                for (int c = 0; c < CLASSES; c++) {
                    z[c] = 2 * random.nextGaussian() + (c == favoured ? 6 : 0);
                }
                probabilities[i] = toFloat(softmax(z, 1));
                labels[i] = draw(softmax(z, t), random);
            }
            return new Synthetic(probabilities, labels);
        }
    }

    @Test
    void recoversTheTemperatureTheLabelsWereDrawnAt() {
        for (double t : new double[] {0.5, 1.0, 2.5}) {
            Synthetic data = Synthetic.of(20_000, t, 7);
            double fitted = Temperature.fit(data.probabilities(), data.labels());
            assertEquals(t, fitted, 0.05 * t, "labels drawn at temperature " + t);
        }
    }

    @Test
    void theFittedTemperatureLowersTheLossOfExamplesItWasNotFittedOn() {
        Synthetic fitOn = Synthetic.of(2_000, 1.8, 11);
        Synthetic heldOut = Synthetic.of(5_000, 1.8, 12);
        double t = Temperature.fit(fitOn.probabilities(), fitOn.labels());
        double before = Temperature.loss(heldOut.probabilities(), heldOut.labels(), 1);
        double after = Temperature.loss(heldOut.probabilities(), heldOut.labels(), t);
        assertTrue(after < before, "loss " + before + " at T=1, " + after + " at the fitted T=" + t);
        // At the fitted temperature the loss is at its lowest on the data it was fitted on.
        double atFit = Temperature.loss(fitOn.probabilities(), fitOn.labels(), t);
        assertTrue(atFit <= Temperature.loss(fitOn.probabilities(), fitOn.labels(), t * 1.05));
        assertTrue(atFit <= Temperature.loss(fitOn.probabilities(), fitOn.labels(), t / 1.05));
    }

    @Test
    void rescalingKeepsThePredictionAndMatchesSoftmaxOfTheScaledLogits() {
        double[] z = {1.0, 3.0, -2.0, 0.5, 2.9, -40, 0, 0, 0, 0};
        INDArray probabilities = Nd4j.create(toFloat(softmax(z, 1)), new long[] {1, CLASSES}, DataType.FLOAT);

        INDArray scaled = Temperature.apply(probabilities, 3);

        double[] expected = softmax(z, 3);
        for (int c = 0; c < CLASSES; c++) {
            assertEquals(expected[c], scaled.getDouble(0, c), 1e-6);
        }
        assertEquals(probabilities.argMax(1).getInt(0), scaled.argMax(1).getInt(0));
        assertSame(probabilities, Temperature.apply(probabilities, 1));
    }

    @Test
    void aProbabilityRoundedToZeroStaysFiniteAndBelowTheOthers() {
        float[] probabilities = new float[CLASSES];
        probabilities[3] = 1f;
        double[] hot = Temperature.scale(probabilities, 50);
        assertTrue(Arrays.stream(hot).allMatch(Double::isFinite), Arrays.toString(hot));
        assertTrue(hot[0] < hot[3], Arrays.toString(hot));
        assertTrue(Double.isFinite(Temperature.loss(new float[][] {probabilities}, new int[] {0}, 1)));
    }

    private static double[] softmax(double[] z, double t) {
        double max = Arrays.stream(z).max().orElseThrow();
        double[] p = Arrays.stream(z).map(v -> Math.exp((v - max) / t)).toArray();
        double sum = Arrays.stream(p).sum();
        return Arrays.stream(p).map(v -> v / sum).toArray();
    }

    private static float[] toFloat(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    private static int draw(double[] p, Random random) {
        double u = random.nextDouble();
        for (int c = 0; c < p.length - 1; c++) {
            u -= p[c];
            if (u < 0) {
                return c;
            }
        }
        return p.length - 1;
    }
}
