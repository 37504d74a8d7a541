package org.mnistspark.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;

/** The columns of a run's {@code train-log.csv} ({@code step,loss,train_accuracy,elapsed_seconds}). */
record TrainLog(double[] steps, double[] losses, double[] accuracies, double[] elapsed) {

    static TrainLog read(String csv, Configuration conf) throws IOException {
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

    long lastStep() {
        return steps.length == 0 ? 0 : (long) steps[steps.length - 1];
    }

    double lastElapsedSeconds() {
        return elapsed.length == 0 ? 0 : elapsed[elapsed.length - 1];
    }
}
