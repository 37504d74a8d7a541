package org.mnistspark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One model trained on MNIST through the real command line and Spark path, shared by every test
 * that needs a model: training is the suite's most expensive step, so it happens once per run.
 */
public final class TrainedModel {
    /** Enough for every floor the tests hold it to (98.24% on MNIST's test set), in two thirds of the suite's earlier 1,200. */
    public static final int STEPS = 800;
    public static final String LEARNING_RATE = "1e-3";
    /** Half the rounds of the preset's 5: the same model quality for the tests, in less of the suite's time. */
    public static final String AVERAGING_FREQUENCY = "10";

    private static Path run;
    private static Cli training;

    private TrainedModel() {}

    public static synchronized Path runDir() {
        if (run == null) {
            try {
                // Under target/, so that mvn clean removes it.
                Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "trained-model");
                Cli cli = Cli.run("train", "--data", TestData.mnist().toString(), "--output", dir.toString(),
                        "--steps", String.valueOf(STEPS), "--lr", LEARNING_RATE, "--averaging-frequency", AVERAGING_FREQUENCY, "--master", "local[2]");
                assertEquals(0, cli.exitCode(), cli.err());
                training = cli;
                run = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return run;
    }

    public static Path modelFile() {
        return runDir().resolve("model.zip");
    }

    /** What the training command printed. */
    public static Cli training() {
        runDir();
        return training;
    }
}
