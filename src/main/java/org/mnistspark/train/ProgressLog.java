package org.mnistspark.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Training progress, every few steps: a line on the console (as the seed printed) and a row of
 * {@code train-log.csv}, flushed at once so the file can be followed while training runs.
 */
final class ProgressLog implements AutoCloseable {
    private final BufferedWriter csv;
    private final PrintWriter console;
    private final long totalSteps;
    private final int batchSize;
    private final long startNanos = System.nanoTime();

    ProgressLog(Path csvFile, long totalSteps, int batchSize, PrintWriter console) throws IOException {
        this.csv = Files.newBufferedWriter(csvFile);
        this.console = console;
        this.totalSteps = totalSteps;
        this.batchSize = batchSize;
        csv.write("step,loss,train_accuracy,elapsed_seconds\n");
        csv.flush();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    void record(long step, double loss, double trainAccuracy) throws IOException {
        double elapsed = elapsedSeconds();
        double imagesPerSecond = step * batchSize / elapsed;
        long secondsLeft = Math.round((totalSteps - step) * batchSize / imagesPerSecond);
        console.printf("step %d/%d, loss %.4f, training accuracy %.3f, %.1f images/s, %s left%n",
                step, totalSteps, loss, trainAccuracy, imagesPerSecond, duration(secondsLeft));
        csv.write(String.format("%d,%.6f,%.4f,%.3f%n", step, loss, trainAccuracy, elapsed));
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
