package org.mnistspark.score;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.mnistspark.files.Storage;
import org.mnistspark.model.BroadcastModel;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.NativeBackend;

/** Scores every file under a folder and writes one Parquet row per file. */
public final class ScoreJob {
    /** Files per Spark partition: small enough to spread a folder over the cores, large enough for whole batches. */
    private static final int FILES_PER_PARTITION = 1000;

    private ScoreJob() {}

    public static ScoreSummary run(SparkSession spark, ScoreConfig config, PrintWriter out) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ModelFile.Loaded loaded = ModelFile.load(config.model(), sc.hadoopConfiguration());
        ParquetOutput output = new ParquetOutput(config.output(), config.overwrite(), sc.hadoopConfiguration());
        List<String> files = InputFiles.list(config.input(), config.glob(), sc.hadoopConfiguration());
        out.printf("scoring %d files under %s with %s (%s preprocessing)%n", files.size(), config.input(),
                config.model(), config.preprocessing().name().toLowerCase(java.util.Locale.ROOT));
        NativeBackend.describeExecutors(sc).forEach(out::println);

        long start = System.nanoTime();
        BroadcastModel model = BroadcastModel.of(sc, loaded.network());
        try {
            FileScorer scorer = new FileScorer(model, loaded.info().shape(), modelId(config, sc.hadoopConfiguration()), config,
                    new SerializableConfiguration(sc.hadoopConfiguration()));
            int partitions = Math.max(sc.defaultParallelism(), (files.size() + FILES_PER_PARTITION - 1) / FILES_PER_PARTITION);
            JavaRDD<Row> rows = sc.parallelize(files, Math.min(files.size(), partitions)).mapPartitions(scorer::score);
            output.write(spark.createDataFrame(rows, ScoredRows.SCHEMA));
        } finally {
            model.release();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Dataset<Row> written = spark.read().parquet(config.output());
        ScoreSummary summary = ScoreSummary.of(written, files.size(), seconds);
        out.print(summary.report());
        out.println("wrote " + config.output());
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
