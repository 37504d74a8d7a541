package org.mnistspark.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Temperature;

/**
 * The temperature a run fits at its end on the examples it held out of training (the last ones of the
 * training split: the test split is never fitted on), and their loss before and after it. The losses
 * are null when nothing was held out (a resumed run of an earlier version); the temperature is then 1.
 */
record TemperatureFit(double temperature, int examples, Double lossBefore, Double lossAfter) {
    /** Enough for a one-number fit to settle (its standard error is then well under 1%), little to take from training. */
    private static final int HELD_OUT = 2_000;

    /** How many examples of a training split of {@code examples} to hold out: at most a tenth, and never the last minibatch. */
    static int heldOut(int examples, int batchSize) {
        return Math.max(0, Math.min(HELD_OUT, Math.min(examples / 10, examples - batchSize)));
    }

    /** Predicts {@code heldOut} on this machine, as the network stands at the end of training, and fits the temperature. */
    static TemperatureFit of(MultiLayerNetwork network, TrainingSet heldOut) {
        int n = heldOut.count();
        if (n == 0) {
            return new TemperatureFit(1, 0, null, null);
        }
        float[][] probabilities = new float[n][];
        for (int first = 0; first < n; first += DeepMnistCnn.PREDICTION_BATCH) {
            int[] indices = IntStream.range(first, Math.min(n, first + DeepMnistCnn.PREDICTION_BATCH)).toArray();
            float[][] batch = network.output(heldOut.batch(indices).features(), false).toFloatMatrix();
            System.arraycopy(batch, 0, probabilities, first, batch.length);
        }
        double t = Temperature.fit(probabilities, heldOut.labels());
        return new TemperatureFit(t, n, Temperature.loss(probabilities, heldOut.labels(), 1),
                Temperature.loss(probabilities, heldOut.labels(), t));
    }

    /** The fields of metrics.json that record the fit. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("temperature", temperature);
        json.put("calibration_examples", examples);
        json.put("calibration_loss_before", lossBefore);
        json.put("calibration_loss_after", lossAfter);
        return json;
    }

    String describe() {
        return examples == 0
                ? "temperature 1: no training examples were held out to fit one"
                : String.format("temperature %.3f fitted on %,d held-out training examples: their loss %.4f before, %.4f after",
                        temperature, examples, lossBefore, lossAfter);
    }
}
