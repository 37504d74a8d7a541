package org.mnistspark.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.mnistspark.report.ScoringResults.Failure;

/**
 * What a scoring run did, counted from the Parquet it wrote; {@code toReview} counts the rows marked for
 * review, below {@code reviewBelow} or failed (both null when no review was asked for). It is printed
 * for people and written as JSON for programs ({@link SummaryFile}).
 */
public record ScoreSummary(long found, long scored, long failed, List<Failure> firstFailures, Map<Integer, Long> perDigit,
        double seconds, Double reviewBelow, Long toReview) {
    private static final int FAILURES_SHOWN = 5;

    static ScoreSummary of(Dataset<Row> written, long found, double seconds, Double reviewBelow) {
        Dataset<Row> failures = written.filter(functions.col("error").isNotNull());
        List<Failure> first = failures.orderBy("path").limit(FAILURES_SHOWN).collectAsList().stream()
                .map(r -> new Failure(r.getString(r.fieldIndex("path")), r.getString(r.fieldIndex("error"))))
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
            firstFailures.forEach(f -> out.append("  ").append(f.path()).append(": ").append(f.error()).append('\n'));
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

    /** The summary file's fields; {@code images_per_second} is written for readers, and derived again on reading. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", found);
        json.put("scored", scored);
        json.put("failed", failed);
        json.put("seconds", seconds);
        json.put("images_per_second", imagesPerSecond());
        json.put("per_digit", perDigit);
        json.put("first_failures", firstFailures);
        json.put("review_below", reviewBelow);
        json.put("to_review", toReview);
        return json;
    }

    static ScoreSummary fromJson(JsonNode json) {
        List<Failure> failures = new ArrayList<>();
        json.get("first_failures").forEach(f -> failures.add(new Failure(f.get("path").asText(), f.get("error").asText())));
        Map<Integer, Long> perDigit = new TreeMap<>();
        json.get("per_digit").fields().forEachRemaining(d -> perDigit.put(Integer.valueOf(d.getKey()), d.getValue().asLong()));
        JsonNode reviewBelow = json.get("review_below");
        JsonNode toReview = json.get("to_review");
        return new ScoreSummary(json.get("files").asLong(), json.get("scored").asLong(), json.get("failed").asLong(), failures, perDigit,
                json.get("seconds").asDouble(), reviewBelow.isNull() ? null : reviewBelow.asDouble(),
                toReview.isNull() ? null : toReview.asLong());
    }
}
