package org.mnistspark.score;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.mnistspark.files.Storage;
import org.mnistspark.model.BroadcastModel;
import org.mnistspark.model.ModelFile;

/**
 * A loaded model at work for one scoring run, broadcast once: turns a list of files into the output's rows on the
 * executors, and writes the report and the summary of what the output holds. {@code score} runs it once over a
 * folder, {@code score --watch} once per batch of new files, so both write the same row for the same file.
 */
final class Scoring implements AutoCloseable {
    /**
     * Files per Spark task: large enough for whole batches, small enough that the cores finish together
     * and progress and failures are reported often.
     */
    private static final int FILES_PER_TASK = 250;

    private final SparkSession spark;
    private final ScoreConfig config;
    private final String modelId;
    private final BroadcastModel model;
    private final LongAccumulator failures;
    private final FileScorer scorer;

    /** {@code loaded}, read from {@code config.model()}, named by its file's hash and broadcast to the executors. */
    Scoring(SparkSession spark, ScoreConfig config, ModelFile.Loaded loaded) throws IOException {
        this.spark = spark;
        this.config = config;
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.modelId = modelId(config, sc.hadoopConfiguration());
        this.model = BroadcastModel.of(sc, loaded.network(), loaded.info().temperature());
        this.failures = sc.sc().longAccumulator("files that could not be scored");
        this.scorer = new FileScorer(model, loaded.info().shape(), modelId, config, new SerializableConfiguration(sc.hadoopConfiguration()),
                failures);
    }

    /** The Spark tasks that score {@code files} files: at least one per core, at most one per file. */
    int tasks(int files) {
        return Math.min(files, Math.max(spark.sparkContext().defaultParallelism(), (files + FILES_PER_TASK - 1) / FILES_PER_TASK));
    }

    /** One row per file, scored or with its reason, computed when the rows are written; {@code tasks} slices of the list. */
    Dataset<Row> rows(List<String> files, int tasks) {
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(files, tasks).mapPartitions(scorer::score);
        return ScoredRows.withReview(spark.createDataFrame(rows, ScoredRows.SCHEMA), config.reviewBelow());
    }

    /** The files that could not be scored so far, counted as the tasks end. */
    LongAccumulator failures() {
        return failures;
    }

    /** What {@link #publish} wrote: the summary of the output, and where the report and the summary file are. */
    record Published(ScoreSummary summary, Path report, String summaryFile) {}

    /**
     * Writes the report and then the summary of {@code written}, the whole output, beside it: {@code found} files
     * scored in {@code seconds}.
     */
    Published publish(Dataset<Row> written, long found, double seconds) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        ScoreSummary summary = ScoreSummary.of(written, found, seconds, config.reviewBelow());
        Path report = ReportFile.write(written, config, summary, modelId, scorer, conf);
        return new Published(summary, report, SummaryFile.write(summary, config.output(), conf));
    }

    /** Frees the broadcast model on the executors. */
    @Override
    public void close() {
        model.release();
    }

    /** The first 12 hex digits of the model file's SHA-256: which model scored a row. */
    private static String modelId(ScoreConfig config, Configuration conf) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Storage.open(config.model(), conf), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
