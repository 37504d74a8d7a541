package org.mnistspark.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;

/**
 * A run's {@code train-log.csv}: a header, then a row every few steps ({@code step,loss,train_accuracy,elapsed_seconds}),
 * here as its rows' text and as columns.
 */
public record TrainLog(List<String> rows, double[] steps, double[] losses, double[] accuracies, double[] elapsed) {
    private static final String HEADER = "step,loss,train_accuracy,elapsed_seconds";

    /** The log, or an empty one if there is no file yet. */
    static TrainLog read(String csv, Configuration conf) throws IOException {
        List<String> rows = List.of();
        if (Storage.isFile(csv, conf)) {
            try (InputStream in = Storage.open(csv, conf)) {
                rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank()).toList();
            }
        }
        return of(rows);
    }

    private static TrainLog of(List<String> rows) {
        double[][] columns = new double[4][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String[] fields = rows.get(r).split(",");
            for (int c = 0; c < 4; c++) {
                columns[c][r] = Double.parseDouble(fields[c]);
            }
        }
        return new TrainLog(rows, columns[0], columns[1], columns[2], columns[3]);
    }

    /** One row's text. */
    public static String row(long step, double loss, double trainAccuracy, double elapsedSeconds) {
        return String.format(Locale.ROOT, "%d,%.6f,%.4f,%.3f", step, loss, trainAccuracy, elapsedSeconds);
    }

    /** The file's whole text for these rows. */
    public static String text(List<String> rows) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        rows.forEach(row -> text.append(row).append('\n'));
        return text.toString();
    }

    /** The rows up to and including {@code step}. */
    public TrainLog upTo(long step) {
        return of(IntStream.range(0, rows.size()).filter(r -> steps[r] <= step).mapToObj(rows::get).toList());
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

    public long lastStep() {
        return steps.length == 0 ? 0 : (long) steps[steps.length - 1];
    }

    public double lastElapsedSeconds() {
        return elapsed.length == 0 ? 0 : elapsed[elapsed.length - 1];
    }
}
