package org.mnistspark.evaluate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a model's confidence can be taken at its word: the predictions binned by confidence into
 * {@value #BINS} equal-width bins ((0, 1/15], (1/15, 2/15], …), each with its count, summed confidence
 * and number right. A reliability diagram plots each bin's accuracy against its mean confidence; the
 * expected calibration error (ECE) is the gap between the two, averaged over the predictions.
 * Partial counts from partitions add up to the whole set's, like a confusion matrix.
 */
public record Calibration(long[] counts, double[] confidenceSums, long[] correct) implements Serializable {
    public static final int BINS = 15;

    public static Calibration empty() {
        return new Calibration(new long[BINS], new double[BINS], new long[BINS]);
    }

    /** Counts one prediction made with {@code confidence} (the predicted class's probability), right or not. */
    void add(double confidence, boolean right) {
        int bin = bin(confidence);
        counts[bin]++;
        confidenceSums[bin] += confidence;
        correct[bin] += right ? 1 : 0;
    }

    /** The bin of a confidence: the upper edge belongs to the bin, as the ECE's definition has it. */
    static int bin(double confidence) {
        return Math.min(BINS - 1, Math.max(0, (int) Math.ceil(confidence * BINS) - 1));
    }

    Calibration plus(Calibration other) {
        Calibration sum = empty();
        for (int b = 0; b < BINS; b++) {
            sum.counts[b] = counts[b] + other.counts[b];
            sum.confidenceSums[b] = confidenceSums[b] + other.confidenceSums[b];
            sum.correct[b] = correct[b] + other.correct[b];
        }
        return sum;
    }

    /** Σ over bins of (count / all) × |accuracy − mean confidence|; 0 with no predictions. */
    public double expectedCalibrationError() {
        long all = 0;
        double gaps = 0;
        for (int b = 0; b < BINS; b++) {
            all += counts[b];
            gaps += Math.abs(correct[b] - confidenceSums[b]);
        }
        return all == 0 ? 0 : gaps / all;
    }

    /** The ECE and the reliability diagram's bins, as metrics.json and evaluation.json hold them. */
    public Map<String, Object> toJson() {
        List<Map<String, Object>> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            Map<String, Object> bin = new LinkedHashMap<>();
            bin.put("lower", (double) b / BINS);
            bin.put("upper", (double) (b + 1) / BINS);
            bin.put("count", counts[b]);
            // Empty bins have no mean: null, not a made-up 0.
            bin.put("mean_confidence", counts[b] == 0 ? null : confidenceSums[b] / counts[b]);
            bin.put("accuracy", counts[b] == 0 ? null : (double) correct[b] / counts[b]);
            bins.add(bin);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("expected_calibration_error", expectedCalibrationError());
        json.put("bins", bins);
        return json;
    }
}
