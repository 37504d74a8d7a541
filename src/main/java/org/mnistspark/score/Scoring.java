package org.mnistspark.score;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
import org.mnistspark.ml.DigitClassificationModel;

/**
 * A model at work for one scoring run, as the Spark ML model {@link DigitClassificationModel} (broadcast once):
 * turns a list of files into the output's rows on the executors, and writes the report and the summary of what the
 * output holds. {@code score} runs it once over a folder, {@code score --watch} once per batch of new files, so both
 * write the same row for the same file.
 */
final class Scoring {
    /**
     * Files per Spark task: large enough for whole batches, small enough that the cores finish together
     * and progress and failures are reported often.
     */
    private static final int FILES_PER_TASK = 250;

    private final SparkSession spark;
    private final ScoreConfig config;
    private final String modelId;
    private final DigitClassificationModel model;
    private final LongAccumulator failures;
    private final FileImages images;

    /** Loads {@code config.model()}, refused in one line if it is not a model, and names it by its file's hash. */
    Scoring(SparkSession spark, ScoreConfig config) throws IOException {
        this.spark = spark;
        this.config = config;
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.model = DigitClassificationModel.fromModelFile(config.model()).setBatchSize(config.batch());
        this.modelId = modelId(config, sc.hadoopConfiguration());
        this.failures = sc.sc().longAccumulator("files that could not be scored");
        this.images = new FileImages(model.inputShape(), config, new SerializableConfiguration(sc.hadoopConfiguration()), failures);
    }

    /** The Spark tasks that score {@code files} files: at least one per core, at most one per file. */
    int tasks(int files) {
        return Math.min(files, Math.max(spark.sparkContext().defaultParallelism(), (files + FILES_PER_TASK - 1) / FILES_PER_TASK));
    }

    /**
     * One row per file, scored by the model or with its reason, computed when the rows are written; {@code tasks}
     * slices of the list.
     */
    Dataset<Row> rows(List<String> files, int tasks) {
        JavaRDD<Row> read = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(files, tasks).map(images::read);
        Dataset<Row> predicted = model.transform(spark.createDataFrame(read, FileImages.SCHEMA));
        return ScoredRows.withReview(ScoredRows.of(predicted, config.preprocessing().name().toLowerCase(Locale.ROOT), modelId),
                config.reviewBelow());
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
        Path report = ReportFile.write(written, config, summary, modelId, images, conf);
        return new Published(summary, report, SummaryFile.write(summary, config.output(), conf));
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
