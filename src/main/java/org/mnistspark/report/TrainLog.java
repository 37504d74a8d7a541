package org.mnistspark.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;

/** The columns of a run's {@code train-log.csv} ({@code step,loss,train_accuracy,elapsed_seconds}). */
public record TrainLog(double[] steps, double[] losses, double[] accuracies, double[] elapsed) {

    public static TrainLog read(String csv, Configuration conf) throws IOException {
        List<String[]> rows = List.of();
        if (Storage.isFile(csv, conf)) {
            try (InputStream in = Storage.open(csv, conf)) {
                rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                        .map(l -> l.split(",")).toList();
            }
        }
        double[][] columns = new double[4][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 4; c++) {
                columns[c][r] = Double.parseDouble(rows.get(r)[c]);
            }
        }
        return new TrainLog(columns[0], columns[1], columns[2], columns[3]);
    }

    /**
     * Training images per second between the first logged steps at or past {@code from} and {@code to}
     * (NaN when the log does not reach them).
     */
    public double imagesPerSecond(long from, long to, int batchSize) {
        int a = firstRowAtOrPast(from);
        int b = firstRowAtOrPast(to);
        if (a < 0 || b <= a) {
            return Double.NaN;
        }
        return (steps[b] - steps[a]) * batchSize / (elapsed[b] - elapsed[a]);
    }

    private int firstRowAtOrPast(long step) {
        for (int r = 0; r < steps.length; r++) {
            if (steps[r] >= step) {
                return r;
            }
        }
        return -1;
    }

    long lastStep() {
        return steps.length == 0 ? 0 : (long) steps[steps.length - 1];
    }

    double lastElapsedSeconds() {
        return elapsed.length == 0 ? 0 : elapsed[elapsed.length - 1];
    }
}
