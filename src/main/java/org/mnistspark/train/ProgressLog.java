package org.mnistspark.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;

/**
 * Training progress, every few steps: a line on the console (as the seed printed) and a row of
 * {@code train-log.csv}. The file is published whole at every report, so that it can be followed while
 * training runs on any storage, appendable or not (a few hundred rows in a long run).
 */
final class ProgressLog {
    static final String FILE = "train-log.csv";
    private static final String HEADER = "step,loss,train_accuracy,elapsed_seconds";

    private final String csv;
    private final Configuration conf;
    private final List<String> rows;
    private final PrintWriter console;
    private final long startStep;
    private final long totalSteps;
    private final int batchSize;
    private final double secondsBefore;
    private final long startNanos = System.nanoTime();

    /** A new log, replacing any earlier one. */
    static ProgressLog start(String csv, Configuration conf, long totalSteps, int batchSize, PrintWriter console) throws IOException {
        return new ProgressLog(csv, conf, new ArrayList<>(), 0, totalSteps, batchSize, console);
    }

    /**
     * The log of a run resumed at {@code step}: rows after that step are dropped, since their work is
     * redone, and elapsed time goes on from the last row kept.
     */
    static ProgressLog resume(String csv, Configuration conf, long step, long totalSteps, int batchSize, PrintWriter console)
            throws IOException {
        List<String> kept = new ArrayList<>();
        if (Storage.isFile(csv, conf)) {
            try (InputStream in = Storage.open(csv, conf);
                    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String row; (row = lines.readLine()) != null; ) {
                    if (!row.equals(HEADER) && !row.isBlank() && Long.parseLong(row.substring(0, row.indexOf(','))) <= step) {
                        kept.add(row);
                    }
                }
            }
        }
        return new ProgressLog(csv, conf, kept, step, totalSteps, batchSize, console);
    }

    private ProgressLog(String csv, Configuration conf, List<String> rows, long startStep, long totalSteps, int batchSize,
            PrintWriter console) throws IOException {
        this.csv = csv;
        this.conf = conf;
        this.rows = rows;
        this.console = console;
        this.startStep = startStep;
        this.totalSteps = totalSteps;
        this.batchSize = batchSize;
        String lastRow = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        this.secondsBefore = lastRow == null ? 0 : Double.parseDouble(lastRow.substring(lastRow.lastIndexOf(',') + 1));
        publish();
    }

    /** Seconds spent training in this process. */
    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    void record(long step, double loss, double trainAccuracy) throws IOException {
        double elapsed = elapsedSeconds();
        double imagesPerSecond = (step - startStep) * batchSize / elapsed;
        long secondsLeft = Math.round((totalSteps - step) * batchSize / imagesPerSecond);
        console.printf("step %d/%d, loss %.4f, training accuracy %.3f, %.1f images/s, %s left%n",
                step, totalSteps, loss, trainAccuracy, imagesPerSecond, duration(secondsLeft));
        rows.add(String.format("%d,%.6f,%.4f,%.3f", step, loss, trainAccuracy, secondsBefore + elapsed));
        publish();
    }

    private void publish() throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        rows.forEach(row -> text.append(row).append('\n'));
        Storage.write(csv, conf, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String duration(long seconds) {
        return seconds >= 3600
                ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
}
