package org.mnistspark.score;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.mnistspark.image.UnreadableImageException;
import org.mnistspark.report.ScoringReport;
import org.mnistspark.report.ScoringResults;
import org.mnistspark.report.ScoringResults.Uncertain;

/**
 * The scoring report, made from the Parquet a run wrote and written beside it
 * ({@code predictions.parquet} gets {@code predictions-report.html}), on any file system Hadoop writes.
 */
final class ReportFile {
    private static final int CONFIDENCE_BINS = 20;
    private static final int LEAST_CERTAIN = 24;
    private static final int FAILURES_LISTED = 200;
    private static final int REVIEW_LISTED = 500;

    private ReportFile() {}

    /** Where the report of {@code output} goes. */
    static Path of(String output) {
        return ParquetOutput.beside(output, "-report.html");
    }

    /** Writes the report; {@code images} decodes the least certain files again, exactly as scoring did. */
    static Path write(Dataset<Row> written, ScoreConfig config, ScoreSummary summary, String modelId, FileImages images,
            Configuration conf) throws IOException {
        Dataset<Row> scored = written.filter(functions.col("error").isNull());
        long[] bins = new long[CONFIDENCE_BINS];
        for (Row r : scored.groupBy(functions.least(functions.floor(functions.col("confidence").multiply(CONFIDENCE_BINS)),
                functions.lit(CONFIDENCE_BINS - 1)).cast("int")).count().collectAsList()) {
            bins[r.getInt(0)] = r.getLong(1);
        }
        List<ScoringResults.Failure> failures = written.filter(functions.col("error").isNotNull()).orderBy("path")
                .limit(FAILURES_LISTED).collectAsList().stream()
                .map(r -> new ScoringResults.Failure(r.getAs("path"), r.getAs("error"))).toList();
        List<Uncertain> leastCertain = scored.orderBy("confidence", "path").limit(LEAST_CERTAIN).collectAsList().stream()
                .flatMap(r -> uncertain(r, images).stream()).toList();
        // Failures first (their confidence is null), then the least confident.
        List<ScoringResults.Review> review = config.reviewBelow() == null ? List.of()
                : written.filter(functions.col(ScoredRows.REVIEW)).orderBy(functions.col("confidence").asc_nulls_first(), functions.col("path"))
                        .limit(REVIEW_LISTED).collectAsList().stream()
                        .map(r -> new ScoringResults.Review(r.getAs("path"), r.getAs("label"), r.getAs("confidence"), r.getAs("error")))
                        .toList();
        ScoringResults results = new ScoringResults(config.input(), config.output(), modelId,
                config.preprocessing().name().toLowerCase(Locale.ROOT), summary.found(), summary.scored(), summary.failed(),
                summary.seconds(), summary.perDigit(), bins, failures, leastCertain, config.reviewBelow(),
                summary.toReview() == null ? 0 : summary.toReview(), review);
        Path report = of(config.output());
        FileSystem fs = report.getFileSystem(conf);
        // The local file system would leave a hidden .crc file beside the page; nothing reads one back.
        FileSystem writer = fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
        try (OutputStream out = writer.create(report, true)) {
            out.write(ScoringReport.html(results).getBytes(StandardCharsets.UTF_8));
        }
        return report;
    }

    private static Optional<Uncertain> uncertain(Row row, FileImages images) {
        String path = row.getAs("path");
        try {
            FileImages.Seen seen = images.see(path);
            return Optional.of(new Uncertain(path, row.getAs("label"), row.getAs("confidence"), seen.image().grey(), seen.input(),
                    images.shape().rows(), images.shape().cols()));
        } catch (UnreadableImageException e) {
            // Scored a moment ago: a file removed or broken since then is left out of the grid, not the report.
            return Optional.empty();
        }
    }
}
