package org.mnistspark.score;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** What a scoring run did, counted from the Parquet it wrote. */
public record ScoreSummary(long found, long scored, long failed, List<String> firstFailures, Map<Integer, Long> perDigit,
        double seconds) {
    private static final int FAILURES_SHOWN = 5;

    static ScoreSummary of(Dataset<Row> written, long found, double seconds) {
        Dataset<Row> failures = written.filter(functions.col("error").isNotNull());
        List<String> first = failures.orderBy("path").limit(FAILURES_SHOWN).collectAsList().stream()
                .map(r -> r.getString(r.fieldIndex("path")) + ": " + r.getString(r.fieldIndex("error")))
                .toList();
        Map<Integer, Long> perDigit = new TreeMap<>();
        for (Row r : written.filter(functions.col("label").isNotNull()).groupBy("label").count().collectAsList()) {
            perDigit.put(r.getInt(0), r.getLong(1));
        }
        long failed = failures.count();
        return new ScoreSummary(found, written.count() - failed, failed, first, perDigit, seconds);
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
        return out.append('\n').toString();
    }
}
