package org.mnistspark.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The columns of a run's {@code train-log.csv} ({@code step,loss,train_accuracy,elapsed_seconds}). */
record TrainLog(double[] steps, double[] losses, double[] accuracies, double[] elapsed) {

    static TrainLog read(Path csv) throws IOException {
        List<String[]> rows = Files.exists(csv)
                ? Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList()
                : List.of();
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
