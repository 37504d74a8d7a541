package org.mnistspark.score;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * What {@code score --watch} does with each batch of new files that Spark's file source gives it, on the driver: scores
 * them as {@code score} does, adds the batch to the output, and writes the report and the summary of the whole output again.
 */
final class WatchBatches implements VoidFunction2<Dataset<Row>, Long> {
    private final Scoring scoring;
    private final BatchFiles output;
    private final ScoreConfig config;
    private final Configuration conf;
    private final PrintWriter out;
    private final Predicate<String> named;
    /** Time spent scoring batches, since the watch first started. */
    private double seconds;
    private long scoredHere;

    WatchBatches(Scoring scoring, BatchFiles output, ScoreConfig config, Configuration conf, double secondsBefore, PrintWriter out) {
        this.scoring = scoring;
        this.output = output;
        this.config = config;
        this.conf = conf;
        this.out = out;
        this.named = InputFiles.named(config.glob());
        this.seconds = secondsBefore;
    }

    /** {@code listed}: the paths of the batch's files. */
    @Override
    public void call(Dataset<Row> listed, Long batch) throws IOException {
        if (output.holds(batch)) {
            // Written by a run that stopped before Spark recorded the batch as done: Spark gives it again, and it stays as it is.
            publish();
            return;
        }
        long start = System.nanoTime();
        List<String> files = newFiles(listed);
        if (files.isEmpty()) {
            return;
        }
        output.write(batch, scoring.rows(files, scoring.tasks(files.size())));
        seconds += (System.nanoTime() - start) / 1e9;
        scoredHere += files.size();
        ScoreSummary summary = publish().summary();
        out.printf("batch %d: %d new %s; %d in all, %d scored, %d failed%n", batch, files.size(), files.size() == 1 ? "file" : "files",
                summary.found(), summary.scored(), summary.failed());
    }

    /** Files scored since this run started. */
    long scoredHere() {
        return scoredHere;
    }

    /**
     * The batch's files that match {@code --glob}, and the empty files that Spark's file source leaves out of a batch (each
     * is a row with its reason, as in {@code score}), less those with a row already: a path is written once, whatever
     * the order in which the source and the search for empty files come across it.
     */
    private List<String> newFiles(Dataset<Row> listed) {
        TreeSet<String> files = new TreeSet<>();
        for (String path : listed.as(Encoders.STRING()).collectAsList()) {
            if (named.test(path.substring(path.lastIndexOf('/') + 1))) {
                files.add(path);
            }
        }
        files.addAll(InputFiles.empty(config.input(), config.glob(), conf));
        output.scored(files).forEach(files::remove);
        return new ArrayList<>(files);
    }

    private Scoring.Published publish() throws IOException {
        Dataset<Row> written = output.read();
        return scoring.publish(written, written.count(), seconds);
    }
}
