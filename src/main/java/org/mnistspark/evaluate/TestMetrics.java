package org.mnistspark.evaluate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mnistspark.report.Mistake;

/**
 * How a model did on a labelled set: a confusion matrix (rows actual, columns predicted), the summed
 * log-loss, each class's first mistakes in the set's order, and how well its confidence was
 * calibrated: at the model's temperature, and at the network's own softmax ({@code unscaled}, null
 * when the temperature is 1 and the two are the same).
 */
public record TestMetrics(long[][] confusion, double lossSum, List<Mistake> mistakes, Calibration calibration,
        Calibration unscaled) implements Serializable {
    /** Mistakes shown, and kept of each class: enough to see what goes wrong, few enough to keep the file small. */
    static final int MISTAKES_KEPT = 100;

    static TestMetrics empty(int classes, boolean scaled) {
        return new TestMetrics(new long[classes][classes], 0, List.of(), Calibration.empty(), scaled ? Calibration.empty() : null);
    }

    TestMetrics plus(TestMetrics other) {
        long[][] sum = new long[confusion.length][confusion.length];
        for (int a = 0; a < sum.length; a++) {
            for (int p = 0; p < sum.length; p++) {
                sum[a][p] = confusion[a][p] + other.confusion[a][p];
            }
        }
        Map<Integer, List<Mistake>> byClass = Stream.concat(mistakes.stream(), other.mistakes.stream())
                .sorted(Comparator.comparingLong(Mistake::index)).collect(Collectors.groupingBy(Mistake::label));
        List<Mistake> first = byClass.values().stream().flatMap(m -> m.stream().limit(MISTAKES_KEPT))
                .sorted(Comparator.comparingLong(Mistake::index)).toList();
        return new TestMetrics(sum, lossSum + other.lossSum, first, calibration.plus(other.calibration),
                unscaled == null ? null : unscaled.plus(other.unscaled));
    }

    /**
     * The mistakes to show: up to {@link #MISTAKES_KEPT}, taken in turn from each class (its first in
     * the set's order), so that a large set of scans in folders by class shows every class's errors,
     * not only the first folders'; in the set's order.
     */
    public List<Mistake> shownMistakes() {
        Map<Integer, List<Mistake>> byClass = mistakes.stream()
                .collect(Collectors.groupingBy(Mistake::label, TreeMap::new, Collectors.toList()));
        List<Mistake> shown = new ArrayList<>();
        for (int turn = 0; shown.size() < Math.min(MISTAKES_KEPT, mistakes.size()); turn++) {
            for (List<Mistake> ofClass : byClass.values()) {
                if (turn < ofClass.size() && shown.size() < MISTAKES_KEPT) {
                    shown.add(ofClass.get(turn));
                }
            }
        }
        shown.sort(Comparator.comparingLong(Mistake::index));
        return shown;
    }

    public long examples() {
        long n = 0;
        for (long[] row : confusion) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        return (double) correct / examples();
    }

    /** Mean cross-entropy per example. */
    public double loss() {
        return lossSum / examples();
    }

    private long actual(int c) {
        long n = 0;
        for (long count : confusion[c]) {
            n += count;
        }
        return n;
    }

    private long predicted(int c) {
        long n = 0;
        for (long[] row : confusion) {
            n += row[c];
        }
        return n;
    }

    double precision(int c) {
        long p = predicted(c);
        return p == 0 ? 0 : (double) confusion[c][c] / p;
    }

    double recall(int c) {
        long a = actual(c);
        return a == 0 ? 0 : (double) confusion[c][c] / a;
    }

    double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The JSON fields of metrics.json that describe the test set. */
    public Map<String, Object> toJson() {
        List<Map<String, Object>> perClass = new ArrayList<>();
        for (int c = 0; c < confusion.length; c++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", c);
            row.put("precision", precision(c));
            row.put("recall", recall(c));
            row.put("f1", f1(c));
            row.put("support", actual(c));
            perClass.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accuracy", accuracy());
        json.put("loss", loss());
        json.put("test_examples", examples());
        json.put("per_class", perClass);
        json.put("confusion_matrix", confusion);
        json.put("expected_calibration_error", calibration.expectedCalibrationError());
        json.put("calibration", calibration.toJson());
        if (unscaled != null) {
            json.put("calibration_before_temperature", unscaled.toJson());
        }
        return json;
    }

    /** A human-readable report: accuracy, loss, calibration and the confusion matrix. */
    public String report() {
        StringBuilder out = new StringBuilder(String.format("test accuracy %.4f (%d examples), loss %.4f%n",
                accuracy(), examples(), loss()));
        out.append(String.format("expected calibration error %.4f (%d bins)%s%n", calibration.expectedCalibrationError(),
                Calibration.BINS, unscaled == null ? "" : String.format(", %.4f before temperature scaling", unscaled.expectedCalibrationError())));
        out.append("confusion (rows: actual, columns: predicted)\n      ");
        for (int c = 0; c < confusion.length; c++) {
            out.append(String.format("%6d", c));
        }
        out.append(String.format("%10s%n", "recall"));
        for (int a = 0; a < confusion.length; a++) {
            out.append(String.format("%6d", a));
            for (long count : confusion[a]) {
                out.append(String.format("%6d", count));
            }
            out.append(String.format("%10.4f%n", recall(a)));
        }
        return out.toString();
    }
}
