package org.mnistspark.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.mnistspark.files.AtomicFile;
import org.mnistspark.progress.Console;
import org.mnistspark.progress.Progress;

/**
 * Training progress: on the console (see {@link Progress}), and every few steps a row of
 * {@code train-log.csv}, flushed at once so the file can be followed while training runs.
 */
final class ProgressLog implements AutoCloseable {
    static final String FILE = "train-log.csv";
    private static final String HEADER = "step,loss,train_accuracy,elapsed_seconds";

    private final BufferedWriter csv;
    private final Progress progress;
    private final long totalSteps;
    private final long every;
    private final double secondsBefore;

    /** A new log, replacing any earlier one. */
    static ProgressLog start(Path csvFile, long totalSteps, long every, int batchSize, Console console) throws IOException {
        return new ProgressLog(csvFile, List.of(), 0, totalSteps, every, batchSize, console);
    }

    /**
     * The log of a run resumed at {@code step}: rows after that step are dropped, since their work is
     * redone, and elapsed time goes on from the last row kept.
     */
    static ProgressLog resume(Path csvFile, long step, long totalSteps, long every, int batchSize, Console console)
            throws IOException {
        List<String> kept = new ArrayList<>();
        if (Files.exists(csvFile)) {
            for (String row : Files.readAllLines(csvFile)) {
                if (!row.equals(HEADER) && !row.isBlank() && Long.parseLong(row.substring(0, row.indexOf(','))) <= step) {
                    kept.add(row);
                }
            }
        }
        return new ProgressLog(csvFile, kept, step, totalSteps, every, batchSize, console);
    }

    private ProgressLog(Path csvFile, List<String> rows, long startStep, long totalSteps, long every, int batchSize,
            Console console) throws IOException {
        List<String> lines = new ArrayList<>(rows);
        lines.add(0, HEADER);
        AtomicFile.write(csvFile, partial -> Files.write(partial, lines));
        this.csv = Files.newBufferedWriter(csvFile, StandardOpenOption.APPEND);
        this.progress = console.progress("train", "step", startStep, totalSteps, every, batchSize);
        this.totalSteps = totalSteps;
        this.every = every;
        String lastRow = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        this.secondsBefore = lastRow == null ? 0 : Double.parseDouble(lastRow.substring(lastRow.lastIndexOf(',') + 1));
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
            csv.write(String.format("%d,%.6f,%.4f,%.3f%n", step, loss, accuracy, secondsBefore + elapsed));
            csv.flush();
        }
    }

    /** A line of its own amid the progress, such as a checkpoint saved. */
    void println(String line) {
        progress.println(line);
    }

    @Override
    public void close() throws IOException {
        progress.close();
        csv.close();
    }
}
