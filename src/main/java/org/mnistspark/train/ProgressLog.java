package org.mnistspark.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;
import org.mnistspark.progress.Console;
import org.mnistspark.progress.Progress;

/**
 * Training progress: on the console (see {@link Progress}), and every few steps a row of
 * {@code train-log.csv}. The file is published whole at every row, so that it can be followed while
 * training runs on any storage, appendable or not (a few hundred rows in a long run).
 */
final class ProgressLog implements AutoCloseable {
    static final String FILE = "train-log.csv";
    private static final String HEADER = "step,loss,train_accuracy,elapsed_seconds";

    private final String csv;
    private final Configuration conf;
    private final List<String> rows;
    private final Progress progress;
    private final long totalSteps;
    private final long every;
    private final double secondsBefore;

    /** A new log, replacing any earlier one. */
    static ProgressLog start(String csv, Configuration conf, long totalSteps, long every, int batchSize, Console console)
            throws IOException {
        return new ProgressLog(csv, conf, new ArrayList<>(), 0, totalSteps, every, batchSize, console);
    }

    /**
     * The log of a run resumed at {@code step}: rows after that step are dropped, since their work is
     * redone, and elapsed time goes on from the last row kept.
     */
    static ProgressLog resume(String csv, Configuration conf, long step, long totalSteps, long every, int batchSize,
            Console console) throws IOException {
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
        return new ProgressLog(csv, conf, kept, step, totalSteps, every, batchSize, console);
    }

    private ProgressLog(String csv, Configuration conf, List<String> rows, long startStep, long totalSteps, long every,
            int batchSize, Console console) throws IOException {
        this.csv = csv;
        this.conf = conf;
        this.rows = rows;
        this.progress = console.progress("train", "step", startStep, totalSteps, every, batchSize);
        this.totalSteps = totalSteps;
        this.every = every;
        String lastRow = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        this.secondsBefore = lastRow == null ? 0 : Double.parseDouble(lastRow.substring(lastRow.lastIndexOf(',') + 1));
        publish();
    }

    /** Seconds spent training in this process. */
    double elapsedSeconds() {
        return progress.elapsedSeconds();
    }

    /**
     * Records the round that ended at {@code step}: on the console when it is shown there, in the CSV
     * file every {@code every} steps. The training accuracy is measured only when one of them needs it.
     */
    void round(long step, double loss, DoubleSupplier trainAccuracy) throws IOException {
        boolean row = step % every == 0 || step == totalSteps;
        if (!row && !progress.shows(step)) {
            return;
        }
        double elapsed = progress.elapsedSeconds();
        double accuracy = trainAccuracy.getAsDouble();
        progress.update(step, () -> String.format("loss %.4f, training accuracy %.3f", loss, accuracy));
        if (row) {
            rows.add(String.format("%d,%.6f,%.4f,%.3f", step, loss, accuracy, secondsBefore + elapsed));
            publish();
        }
    }

    /** A line of its own amid the progress, such as a checkpoint saved. */
    void println(String line) {
        progress.println(line);
    }

    private void publish() throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        rows.forEach(row -> text.append(row).append('\n'));
        Storage.write(csv, conf, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        progress.close();
    }
}
