package org.mnistspark.score;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mnistspark.files.Storage;
import org.mnistspark.model.NativeBackend;
import org.mnistspark.progress.Console;

/**
 * {@code score --watch}: scores the files that arrive under a folder, a batch at a time, into one Parquet output, each file
 * once however often the watch is stopped, killed and started again with the same checkpoint.
 *
 * <p>Spark's file source records in the checkpoint which files make each batch before the batch runs, and gives a batch
 * that did not end again on the next start. Its file sink would make the output exactly-once too, through its
 * {@code _spark_metadata} log, but writes only the rows of the stream, and the source leaves empty files out of those.
 * So each batch goes through {@code foreachBatch} to {@link BatchFiles}: one file per batch, named after it, renamed into
 * place whole and never written twice; readers need no log, and see each file's row once.
 */
public final class WatchJob {
    /** The columns of Spark's binaryFile source, which a streaming read must be given. Only the path is read. */
    private static final StructType BINARY_FILE = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("modificationTime", DataTypes.TimestampType, false)
            .add("length", DataTypes.LongType, false)
            .add("content", DataTypes.BinaryType, true);
    /**
     * New files of any age are scored: by default the source passes over a file last modified a week before the newest it has
     * seen, such as a scan copied in with its times kept.
     */
    private static final String ANY_AGE = "36500d";
    private static final long POLL_MILLIS = 200;

    private WatchJob() {}

    /** Runs until {@code stopRequested} is counted down, then stops after the batch in flight. */
    public static void run(SparkSession spark, ScoreConfig config, WatchConfig watch, Console console, CountDownLatch stopRequested)
            throws IOException, TimeoutException, StreamingQueryException, InterruptedException {
        PrintWriter out = console.out();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = sc.hadoopConfiguration();
        Scoring scoring = new Scoring(spark, config);
        InputFiles.requireFolder(config.input(), conf);
        boolean resuming = started(watch.checkpoint(), conf);
        BatchFiles output = BatchFiles.open(spark, config.output(), watch.checkpoint(), resuming);
        String summaryFile = SummaryFile.location(config.output());
        double secondsBefore = resuming && Storage.isFile(summaryFile, conf) ? SummaryFile.read(summaryFile, conf).seconds() : 0;
        out.printf("watching %s with %s (%s preprocessing): new files every %s s into %s; Ctrl-C stops after the batch in flight%n",
                config.input(), config.model(), config.preprocessing().name().toLowerCase(Locale.ROOT), watch.triggerMillis() / 1000.0,
                config.output());
        NativeBackend.describeExecutors(sc).forEach(out::println);

        WatchBatches batches = new WatchBatches(scoring, output, config, conf, secondsBefore, out);
        StreamingQuery query = spark.readStream().format("binaryFile").schema(BINARY_FILE)
                .option("recursiveFileLookup", "true")
                .option("maxFileAge", ANY_AGE)
                .load(config.input())
                .select("path")
                .writeStream()
                .option("checkpointLocation", watch.checkpoint())
                .trigger(Trigger.ProcessingTime(watch.triggerMillis()))
                .foreachBatch(batches)
                .start();
        awaitStop(query, stopRequested);
        out.printf("stopped after scoring %d files; score --watch with --checkpoint %s goes on from here%n", batches.scoredHere(),
                watch.checkpoint());
    }

    /** Whether a watch has run with {@code checkpoint}: Spark writes there as a query starts. */
    private static boolean started(String checkpoint, Configuration conf) throws IOException {
        Path folder = new Path(checkpoint);
        FileSystem fs = folder.getFileSystem(conf);
        return fs.exists(folder) && fs.listStatus(folder).length > 0;
    }

    /**
     * Waits for a stop request, or rethrows the query's failure. Spark's {@code stop()} interrupts a batch in flight, which
     * would then run again at the next start: the trigger in progress is left to end first.
     */
    private static void awaitStop(StreamingQuery query, CountDownLatch stopRequested)
            throws StreamingQueryException, TimeoutException, InterruptedException {
        while (!query.awaitTermination(POLL_MILLIS)) {
            if (stopRequested.getCount() == 0) {
                while (query.status().isTriggerActive()) {
                    Thread.sleep(POLL_MILLIS);
                }
                query.stop();
                return;
            }
        }
    }
}
