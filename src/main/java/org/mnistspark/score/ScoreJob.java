package org.mnistspark.score;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
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
import org.mnistspark.model.NativeBackend;
import org.mnistspark.progress.Console;
import org.mnistspark.progress.Progress;

/** Scores every file under a folder and writes one Parquet row per file. */
public final class ScoreJob {
    /**
     * Files per Spark task: large enough for whole batches, small enough that the cores finish together
     * and progress and failures are reported often.
     */
    private static final int FILES_PER_TASK = 250;
    /** Plain progress lines: one per this many files. */
    private static final int FILES_PER_LINE = 1000;

    private ScoreJob() {}

    public static ScoreSummary run(SparkSession spark, ScoreConfig config, Console console) throws IOException {
        PrintWriter out = console.out();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ModelFile.Loaded loaded = ModelFile.load(config.model(), sc.hadoopConfiguration());
        ParquetOutput output = new ParquetOutput(config.output(), config.overwrite(), sc.hadoopConfiguration());
        List<String> files = InputFiles.list(config.input(), config.glob(), sc.hadoopConfiguration());
        out.printf("scoring %d files under %s with %s (%s preprocessing)%n", files.size(), config.input(),
                config.model(), config.preprocessing().name().toLowerCase(java.util.Locale.ROOT));
        NativeBackend.describeExecutors(sc).forEach(out::println);

        long start = System.nanoTime();
        String modelId = modelId(config, sc.hadoopConfiguration());
        BroadcastModel model = BroadcastModel.of(sc, loaded.network(), loaded.info().temperature());
        LongAccumulator failures = sc.sc().longAccumulator("files that could not be scored");
        FileScorer scorer = new FileScorer(model, loaded.info().shape(), modelId, config,
                new SerializableConfiguration(sc.hadoopConfiguration()), failures);
        int tasks = Math.min(files.size(), Math.max(sc.defaultParallelism(), (files.size() + FILES_PER_TASK - 1) / FILES_PER_TASK));
        String jobGroup = "score-" + UUID.randomUUID();
        Progress progress = console.progress("score", "files", 0, files.size(), FILES_PER_LINE, 1);
        ScoringProgress tasksDone = new ScoringProgress(jobGroup, progress, failures, files.size(), tasks);
        sc.sc().addSparkListener(tasksDone);
        try {
            sc.setJobGroup(jobGroup, String.format("score: %,d files", files.size()), false);
            output.write(staging -> {
                JavaRDD<Row> rows = sc.parallelize(files, tasks).mapPartitions(scorer::score);
                ScoredRows.withReview(spark.createDataFrame(rows, ScoredRows.SCHEMA), config.reviewBelow()).write().parquet(staging);
            });
            tasksDone.finish();
        } finally {
            sc.sc().removeSparkListener(tasksDone);
            progress.close();
            sc.clearJobGroup();
            model.release();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Dataset<Row> written = spark.read().parquet(config.output());
        ScoreSummary summary = ScoreSummary.of(written, files.size(), seconds, config.reviewBelow());
        out.print(summary.report());
        Path report = ReportFile.write(written, config, summary, modelId, scorer, sc.hadoopConfiguration());
        out.println("wrote " + config.output() + ", the report " + report + " and the summary "
                + SummaryFile.write(summary, config.output(), sc.hadoopConfiguration()));
        return summary;
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
