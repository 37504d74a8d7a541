package org.mnistspark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One model trained on MNIST through the real command line and Spark path, shared by every test
 * that needs a model: training is the suite's most expensive step, so it happens once per run. The
 * build's test JVMs share it through {@code target/}: the first to need it trains it while holding a
 * file lock, the others wait for it and read what the training printed from beside the model.
 */
public final class TrainedModel {
    /** Enough for every floor the tests hold it to (98.24% on MNIST's test set), in two thirds of the suite's earlier 1,200. */
    public static final int STEPS = 800;
    public static final String LEARNING_RATE = "1e-3";
    /** Half the rounds of the preset's 5: the same model quality for the tests, in less of the suite's time. */
    public static final String AVERAGING_FREQUENCY = "10";
    /** Set by the build to its start time, the same in each of its test JVMs; absent outside Maven (a test run from an IDE). */
    private static final String BUILD = System.getProperty("mnistspark.test.build");
    /** What the training command printed, kept beside the model for the other JVMs. */
    private static final String CONSOLE = "console.json";

    private static Path run;
    private static Cli training;

    private TrainedModel() {}

    public static synchronized Path runDir() {
        if (run == null) {
            try {
                // Under target/, so that mvn clean removes it.
                Path target = Files.createDirectories(Path.of("target"));
                if (BUILD == null) {
                    run = Files.createTempDirectory(target, "trained-model");
                    training = train(run);
                } else {
                    run = target.resolve("trained-model-" + BUILD);
                    training = trainOnce(run);
                }
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

    /** Trains into {@code dir} unless another JVM of the build has, holding a lock beside it meanwhile. */
    private static Cli trainOnce(Path dir) throws IOException {
        Path console = dir.resolve(CONSOLE);
        Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            if (Files.exists(console)) {
                return new ObjectMapper().readValue(console.toFile(), Cli.class);
            }
            Cli cli = train(Files.createDirectories(dir));
            new ObjectMapper().writeValue(console.toFile(), cli);
            return cli;
        }
    }

    private static Cli train(Path dir) {
        Cli cli = Cli.run("train", "--data", TestData.mnist().toString(), "--output", dir.toString(),
                "--steps", String.valueOf(STEPS), "--lr", LEARNING_RATE, "--averaging-frequency", AVERAGING_FREQUENCY, "--master", "local[2]");
        assertEquals(0, cli.exitCode(), cli.err());
        return cli;
    }
}
