package org.mnistspark.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured throughput: the images/s of each repeat, the largest peak resident size among them,
 * and the compute ceiling it is held against ({@code threads} cores' matrix-product rate over the
 * floating-point work one image costs). An empty list of repeats means the figure was skipped, for {@code note}.
 * {@code testAccuracies} are the test accuracies of training runs that end with a test, one a repeat; empty otherwise.
 */
record Figure(String name, String label, List<Double> imagesPerSecond, long peakRssBytes, int threads, double megaflopsPerImage,
        String note, List<Double> testAccuracies) {

    /** A figure without a test accuracy. */
    Figure(String name, String label, List<Double> imagesPerSecond, long peakRssBytes, int threads, double megaflopsPerImage, String note) {
        this(name, label, imagesPerSecond, peakRssBytes, threads, megaflopsPerImage, note, List.of());
    }

    static Figure skipped(String name, String label, String note) {
        return new Figure(name, label, List.of(), 0, 0, 0, note);
    }

    /** This figure's repeats followed by {@code later}'s, the larger peak of the two; a skipped one adds nothing. */
    Figure and(Figure later) {
        if (!later.measured()) {
            return this;
        }
        if (!measured()) {
            return later;
        }
        List<Double> rates = new ArrayList<>(imagesPerSecond);
        rates.addAll(later.imagesPerSecond);
        List<Double> accuracies = new ArrayList<>(testAccuracies);
        accuracies.addAll(later.testAccuracies);
        return new Figure(name, label, rates, Math.max(peakRssBytes, later.peakRssBytes), threads, megaflopsPerImage, note, accuracies);
    }

    boolean measured() {
        return !imagesPerSecond.isEmpty();
    }

    double median() {
        return median(imagesPerSecond);
    }

    /** The median test accuracy of the repeats, or null for a figure that has none. */
    Double testAccuracy() {
        return testAccuracies.isEmpty() ? null : median(testAccuracies);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The images/s the ceiling allows at {@code gigaflops}. */
    double ceiling(double gigaflops) {
        return gigaflops * 1e3 / megaflopsPerImage;
    }
}
