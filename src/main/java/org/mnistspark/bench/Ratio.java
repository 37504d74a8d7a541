package org.mnistspark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One figure against another: the ratio of their medians, and sweep by sweep, since a sweep measures
 * the two minutes apart: the spread of those shows how far the host's changes move the ratio.
 */
record Ratio(double ofMedians, List<Double> bySweep) {

    static Ratio of(Figure numerator, Figure denominator) {
        List<Double> bySweep = new ArrayList<>();
        if (numerator.imagesPerSecond().size() == denominator.imagesPerSecond().size()) {
            for (int i = 0; i < numerator.imagesPerSecond().size(); i++) {
                bySweep.add(numerator.imagesPerSecond().get(i) / denominator.imagesPerSecond().get(i));
            }
        }
        return new Ratio(numerator.median() / denominator.median(), bySweep);
    }

    /** A ratio that no sweeps make up. */
    static Ratio of(double value) {
        return new Ratio(value, List.of());
    }

    /** The sweeps' ratios in parentheses, or nothing where there are none. */
    String sweeps() {
        return bySweep.isEmpty() ? "" : bySweep.stream().map(r -> String.format("%.2f", r)).collect(Collectors.joining(", ", " (sweeps: ", ")"));
    }
}
