package org.mnistspark.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.mnistspark.files.Storage;
import org.mnistspark.progress.Console;
import org.mnistspark.progress.Progress;
import org.mnistspark.run.RunDirectory;
import org.mnistspark.run.TrainLog;

/**
 * Training progress: on the console (see {@link Progress}), and every few steps a row of
 * {@code train-log.csv} (see {@link TrainLog}). The file is published whole at every row, so that it can be followed while
 * training runs on any storage, appendable or not (a few hundred rows in a long run).
 */
final class ProgressLog implements AutoCloseable {
    private final RunDirectory run;
    private final List<String> rows;
    private final Progress progress;
    private final long totalSteps;
    private final long every;
    private final double secondsBefore;

    /** A new log, replacing any earlier one. */
    static ProgressLog start(RunDirectory run, long totalSteps, long every, int batchSize, Console console) throws IOException {
        return new ProgressLog(run, new ArrayList<>(), 0, 0, totalSteps, every, batchSize, console);
    }

    /**
     * The log of a run resumed at {@code step}: rows after that step are dropped, since their work is
     * redone, and elapsed time goes on from the last row kept.
     */
    static ProgressLog resume(RunDirectory run, long step, long totalSteps, long every, int batchSize, Console console)
            throws IOException {
        TrainLog kept = run.readLog().upTo(step);
        return new ProgressLog(run, new ArrayList<>(kept.rows()), kept.lastElapsedSeconds(), step, totalSteps, every, batchSize, console);
    }

    private ProgressLog(RunDirectory run, List<String> rows, double secondsBefore, long startStep, long totalSteps, long every,
            int batchSize, Console console) throws IOException {
        this.run = run;
        this.rows = rows;
        this.secondsBefore = secondsBefore;
        this.progress = console.progress("train", "step", startStep, totalSteps, every, batchSize);
        this.totalSteps = totalSteps;
        this.every = every;
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
            rows.add(TrainLog.row(step, loss, accuracy, secondsBefore + elapsed));
            publish();
        }
    }

    /** A line of its own amid the progress, such as a checkpoint saved. */
    void println(String line) {
        progress.println(line);
    }

    private void publish() throws IOException {
        byte[] text = TrainLog.text(rows).getBytes(StandardCharsets.UTF_8);
        Storage.write(run.file(RunDirectory.LOG), run.conf(), out -> out.write(text));
    }

    @Override
    public void close() {
        progress.close();
    }
}
