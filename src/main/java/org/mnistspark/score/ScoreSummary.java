package org.mnistspark.score;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * What a scoring run did, counted from the Parquet it wrote; {@code toReview} counts the rows marked for
 * review, below {@code reviewBelow} or failed (both null when no review was asked for).
 */
public record ScoreSummary(long found, long scored, long failed, List<String> firstFailures, Map<Integer, Long> perDigit,
        double seconds, Double reviewBelow, Long toReview) {
    private static final int FAILURES_SHOWN = 5;

    static ScoreSummary of(Dataset<Row> written, long found, double seconds, Double reviewBelow) {
        Dataset<Row> failures = written.filter(functions.col("error").isNotNull());
        List<String> first = failures.orderBy("path").limit(FAILURES_SHOWN).collectAsList().stream()
                .map(r -> r.getString(r.fieldIndex("path")) + ": " + r.getString(r.fieldIndex("error")))
                .toList();
        Map<Integer, Long> perDigit = new TreeMap<>();
        for (Row r : written.filter(functions.col("label").isNotNull()).groupBy("label").count().collectAsList()) {
            perDigit.put(r.getInt(0), r.getLong(1));
        }
        long failed = failures.count();
        Long toReview = reviewBelow == null ? null : written.filter(functions.col(ScoredRows.REVIEW)).count();
        return new ScoreSummary(found, written.count() - failed, failed, first, perDigit, seconds, reviewBelow, toReview);
    }

    public double imagesPerSecond() {
        return found / seconds;
    }

    String report() {
        StringBuilder out = new StringBuilder(String.format("%d files found, %d scored, %d failed in %.1f s (%.1f images/s)%n",
                found, scored, failed, seconds, imagesPerSecond()));
        if (failed > 0) {
            out.append("first failures:\n");
            firstFailures.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        out.append("predicted digits:");
        perDigit.forEach((digit, count) -> out.append(String.format(" %d: %d", digit, count)));
        out.append('\n');
        if (toReview != null) {
            out.append(String.format("to review: %d of %d files (%.1f%%), confidence below %s or not scored (column review)%n",
                    toReview, found, 100.0 * toReview / found, reviewBelow));
        }
        return out.toString();
    }
}
