package org.mnistspark.report;

import java.util.List;
import java.util.Map;
import org.mnistspark.image.GreyImage;

/**
 * What a scoring run found, as its report shows it: counts, the predicted digits, how sure the model
 * was ({@code confidenceBins} split [0, 1] evenly), the failed files and the least certain ones; when
 * a review was asked for, its threshold, how many rows it marked and the first of them.
 */
public record ScoringResults(String input, String output, String model, String preprocessing, long found, long scored,
        long failed, double seconds, Map<Integer, Long> perDigit, long[] confidenceBins, List<Failure> failures,
        List<Uncertain> leastCertain, Double reviewBelow, long toReview, List<Review> review) {

    /** A row marked for review: a prediction below the threshold (label and confidence), or a failure (error). */
    public record Review(String path, Integer label, Double confidence, String error) {}

    /** A file that could not be scored, and why. */
    public record Failure(String path, String error) {}

    /** A scored file: the picture as decoded, and the model's input made from it ({@code rows × cols}, ink high). */
    public record Uncertain(String path, int label, double confidence, GreyImage picture, float[] input, int rows, int cols) {}
}
