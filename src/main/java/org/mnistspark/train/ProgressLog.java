package org.mnistspark.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.mnistspark.files.AtomicFile;

/**
 * Training progress, every few steps: a line on the console (as the seed printed) and a row of
 * {@code train-log.csv}, flushed at once so the file can be followed while training runs.
 */
final class ProgressLog implements AutoCloseable {
    static final String FILE = "train-log.csv";
    private static final String HEADER = "step,loss,train_accuracy,elapsed_seconds";

    private final BufferedWriter csv;
    private final PrintWriter console;
    private final long startStep;
    private final long totalSteps;
    private final int batchSize;
    private final double secondsBefore;
    private final long startNanos = System.nanoTime();

    /** A new log, replacing any earlier one. */
    static ProgressLog start(Path csvFile, long totalSteps, int batchSize, PrintWriter console) throws IOException {
        return new ProgressLog(csvFile, List.of(), 0, totalSteps, batchSize, console);
    }

    /**
     * The log of a run resumed at {@code step}: rows after that step are dropped, since their work is
     * redone, and elapsed time goes on from the last row kept.
     */
    static ProgressLog resume(Path csvFile, long step, long totalSteps, int batchSize, PrintWriter console) throws IOException {
        List<String> kept = new ArrayList<>();
        if (Files.exists(csvFile)) {
            for (String row : Files.readAllLines(csvFile)) {
                if (!row.equals(HEADER) && !row.isBlank() && Long.parseLong(row.substring(0, row.indexOf(','))) <= step) {
                    kept.add(row);
                }
            }
        }
        return new ProgressLog(csvFile, kept, step, totalSteps, batchSize, console);
    }

    private ProgressLog(Path csvFile, List<String> rows, long startStep, long totalSteps, int batchSize, PrintWriter console)
            throws IOException {
        List<String> lines = new ArrayList<>(rows);
        lines.add(0, HEADER);
        AtomicFile.write(csvFile, partial -> Files.write(partial, lines));
        this.csv = Files.newBufferedWriter(csvFile, StandardOpenOption.APPEND);
        this.console = console;
        this.startStep = startStep;
        this.totalSteps = totalSteps;
        this.batchSize = batchSize;
        String lastRow = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        this.secondsBefore = lastRow == null ? 0 : Double.parseDouble(lastRow.substring(lastRow.lastIndexOf(',') + 1));
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
        csv.write(String.format("%d,%.6f,%.4f,%.3f%n", step, loss, trainAccuracy, secondsBefore + elapsed));
        csv.flush();
    }

    static String duration(long seconds) {
        return seconds >= 3600
                ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format("%dm%02ds", seconds / 60, seconds % 60);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
