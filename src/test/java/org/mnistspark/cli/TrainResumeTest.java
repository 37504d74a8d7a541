package org.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.Preset;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.DriverCommand;
import org.mnistspark.testing.MnistSample;

/** A driver killed mid-run loses only the steps since its last checkpoint: --resume goes on from there. */
class TrainResumeTest {
    private static final int STEPS = 80;

    @TempDir
    static Path dir;

    private static Path data;

    @BeforeAll
    static void sample() throws IOException {
        data = MnistSample.write(Files.createDirectories(dir.resolve("data")), 3000, 500);
    }

    @Test
    void resumesAKilledRunFromItsCheckpoint() throws Exception {
        Path run = dir.resolve("killed");
        Path checkpoint = run.resolve("checkpoint.zip");
        Process driver = startDriver(run, "train", "--data", data.toString(), "--output", run.toString(), "--steps", String.valueOf(STEPS),
                "--lr", "1e-3", "--label-smoothing", "0.1", "--augment", "affine,elastic=0.5", "--upright", "--workers", "2", "--averaging-frequency", "5", "--log-every", "20",
                "--checkpoint-every", "40", "--master", "local[2]");
        try {
            while (!Files.exists(checkpoint)) {
                assertTrue(driver.isAlive(), "the driver ended before its first checkpoint: " + Files.readString(run.resolve("driver.log")));
                Thread.sleep(100);
            }
        } finally {
            driver.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        }
        ModelFile.Loaded saved = ModelFile.load(checkpoint.toString(), new Configuration());
        long checkpointStep = saved.info().steps();
        // Two workers: block momentum 0.5 by default, its buffer the driver's state to go on from, as the weight average is.
        assertEquals(Set.of("block-momentum-buffer", "weight-average"), saved.arrays().keySet());
        JsonNode settings = new ObjectMapper().readTree(run.resolve("train-config.json").toFile());
        assertEquals(0.5, settings.get("block_momentum").asDouble());
        assertEquals(Preset.SEED.emaDecay(), settings.get("ema_decay").asDouble());
        assertTrue(checkpointStep > 0 && checkpointStep < STEPS, "checkpoint at step " + checkpointStep);
        assertFalse(Files.exists(run.resolve("model.zip")), "the killed run had finished");
        assertTrue(Files.readString(run.resolve("report.html")).contains("in progress: step "), "a report of the run so far");

        Cli resumed = Cli.run("train", "--resume", run.toString(), "--master", "local[2]");

        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming at step " + checkpointStep + " of " + STEPS), resumed.out());
        assertTrue(resumed.out().contains("averaging: block momentum 0.5 ("), resumed.out());
        assertTrue(resumed.out().contains("IDX digits read upright"), resumed.out());
        List<Long> printed = progressSteps(resumed.out());
        assertEquals(checkpointStep + 20, printed.get(0), "first step reported after resuming");
        assertEquals(STEPS, printed.get(printed.size() - 1));
        List<Long> logged = Files.readAllLines(run.resolve("train-log.csv")).stream().skip(1)
                .map(row -> Long.parseLong(row.substring(0, row.indexOf(',')))).toList();
        assertEquals(List.of(20L, 40L, 60L, 80L), logged, "one row per report, none twice");
        assertEquals(STEPS, ModelFile.load(run.resolve("model.zip").toString(), new Configuration()).info().steps());
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals(STEPS, metrics.get("steps").asLong());
        assertEquals(checkpointStep, metrics.get("resumed_at_step").asLong());
        assertEquals(0.1, metrics.get("label_smoothing").asDouble(), "the run's own settings, kept across the resume");
        assertEquals(0.5, metrics.get("block_momentum").asDouble());
        assertEquals(Preset.SEED.emaDecay(), metrics.get("ema_decay").asDouble());
        // A tenth of the 3,000 training examples, held out as the run started: the resumed steps never see them.
        assertEquals(300, metrics.get("calibration_examples").asInt());
        assertTrue(resumed.out().contains("training on 2700 examples"), resumed.out());
        assertEquals(Augmentation.parse("affine,elastic=0.5").describe(), metrics.get("augmentation").asText());
        assertTrue(Files.readString(run.resolve("report.html")).contains("test accuracy "), "the finished run's report");
        assertEquals(STEPS, ModelFile.load(checkpoint.toString(), new Configuration()).info().steps(), "the last checkpoint is the finished model");
        assertTrue(ModelFile.load(run.resolve("model.zip").toString(), new Configuration()).info().upright(), "a model of upright digits");
        // evaluate reads the test digits upright as the run did: the same loss to the last digit.
        Path evaluation = dir.resolve("killed-evaluation.json");
        Cli evaluate = Cli.run("evaluate", "--model", run.resolve("model.zip").toString(), "--data", data.toString(),
                "--output", evaluation.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        JsonNode evaluated = new ObjectMapper().readTree(evaluation.toFile());
        assertEquals(metrics.get("loss").asDouble(), evaluated.get("loss").asDouble(), 1e-9);
        assertTrue(evaluated.get("upright").asBoolean());
        assertTrue(evaluate.out().contains("reading the test digits upright, as the model learnt them"), evaluate.out());

        Cli finished = Cli.run("train", "--resume", run.toString(), "--master", "local[2]");
        assertEquals(0, finished.exitCode(), finished.err());
        assertTrue(finished.out().contains("trained 0 steps"), finished.out());
        assertEquals(0, new ObjectMapper().readTree(run.resolve("metrics.json").toFile()).get("images_per_second").asDouble());
        assertEquals(logged.size(), Files.readAllLines(run.resolve("train-log.csv")).size() - 1, "the log is kept as it was");
    }

    /** SIGTERM (as Ctrl-C) ends a run without checkpoints after the round in flight, with a checkpoint there that --resume goes on from. */
    @Test
    void aStoppedRunLeavesACheckpointToResumeFrom() throws Exception {
        Path run = dir.resolve("stopped");
        int steps = 120;
        Process driver = startDriver(run, "train", "--data", data.toString(), "--output", run.toString(), "--steps", String.valueOf(steps),
                "--lr", "1e-3", "--workers", "2", "--averaging-frequency", "5", "--log-every", "10", "--master", "local[2]");
        Path log = run.resolve("train-log.csv");
        try {
            while (!Files.exists(log) || Files.readAllLines(log).size() < 2) {
                assertTrue(driver.isAlive(), "the driver ended before its first report: " + Files.readString(run.resolve("driver.log")));
                Thread.sleep(50);
            }
            driver.destroy();
            assertTrue(driver.waitFor(2, TimeUnit.MINUTES), "still running after SIGTERM");
        } finally {
            driver.destroyForcibly();
        }
        String out = Files.readString(run.resolve("driver.log"));
        assertEquals(128 + 15, driver.exitValue(), out);
        long stoppedAt = ModelFile.info(run.resolve("checkpoint.zip").toString(), new Configuration()).steps();
        assertTrue(stoppedAt > 0 && stoppedAt < steps, "stopped at step " + stoppedAt);
        assertTrue(out.contains("stopped at step " + stoppedAt + " of " + steps + ": continue with --resume " + run), out);
        assertEquals(List.of(), out.lines().filter(line -> line.startsWith("\tat ")).toList(), "no stack trace");
        assertFalse(Files.exists(run.resolve("model.zip")));

        Cli resumed = Cli.run("train", "--resume", run.toString(), "--master", "local[2]");

        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming at step " + stoppedAt + " of " + steps), resumed.out());
        assertEquals(steps, ModelFile.info(run.resolve("model.zip").toString(), new Configuration()).steps());
        assertEquals(steps, ModelFile.info(run.resolve("checkpoint.zip").toString(), new Configuration()).steps(),
                "a resumed run's checkpoint kept up to its end, for a --resume to find it finished");
    }

    @Test
    void refusesToStartOverACheckpointedRun() throws IOException {
        Path run = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(run.resolve("checkpoint.zip"), "the only copy of a week of training");

        Cli cli = Cli.run("train", "--data", data.toString(), "--output", run.toString(), "--steps", "10");

        assertEquals(1, cli.exitCode());
        assertEquals("error: " + run + ": holds a checkpointed run; continue it with --resume " + run
                + ", train into another --output or add --mode overwrite", cli.errorLine());
        assertEquals("the only copy of a week of training", Files.readString(run.resolve("checkpoint.zip")));
    }

    @Test
    void resumeNeedsARunWithACheckpoint() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Cli notARun = Cli.run("train", "--resume", empty.toString());
        assertEquals(1, notARun.exitCode());
        assertEquals("error: " + empty + ": not a training run (no train-config.json)", notARun.errorLine());

        Path unCheckpointed = Files.createDirectories(dir.resolve("no-checkpoint"));
        Files.writeString(unCheckpointed.resolve("train-config.json"), "{}");
        Cli noCheckpoint = Cli.run("train", "--resume", unCheckpointed.toString());
        assertEquals(1, noCheckpoint.exitCode());
        assertEquals("error: " + unCheckpointed + ": no checkpoint.zip to resume from (train with --checkpoint-every N)",
                noCheckpoint.errorLine());
    }

    @Test
    void resumeKeepsTheRunsOwnSettings() {
        Cli cli = Cli.run("train", "--resume", dir.toString(), "--steps", "500");

        assertEquals(2, cli.exitCode());
        assertEquals("error: --resume continues the run with its own settings; drop --steps (see --help)", cli.errorLine());
    }

    /** The driver as a separate JVM, so that the test can kill it as a crash would. */
    private static Process startDriver(Path run, String... args) throws IOException {
        Files.createDirectories(run);
        ProcessBuilder builder = new ProcessBuilder(DriverCommand.of(args)).redirectErrorStream(true).redirectOutput(run.resolve("driver.log").toFile());
        return builder.start();
    }

    private static List<Long> progressSteps(String out) {
        return out.lines().filter(line -> line.startsWith("step "))
                .map(line -> Long.parseLong(line.substring(5, line.indexOf('/')))).toList();
    }
}
