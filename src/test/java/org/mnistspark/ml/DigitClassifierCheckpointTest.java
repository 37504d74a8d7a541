package org.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.idx.IdxWriter;
import org.mnistspark.model.ModelFile;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.TestSpark;

/**
 * A fit with a checkpointDir, stopped after a checkpoint as a lost driver would leave it, then fitted again: it
 * goes on from the checkpoint and ends with the parameters train gives with the same settings on the same
 * examples left alone, to the bit. One training code path, one resume.
 */
class DigitClassifierCheckpointTest {
    /** Two rounds of two workers taking two steps each, a checkpoint after each round. */
    private static final long STEPS = 8;
    private static final int EXAMPLES = 300;

    @TempDir
    static Path dir;

    private static Dataset<Row> examples;
    private static Path trained;
    private static Path fitted;
    /** Where the stopped fit's checkpoint was. */
    private static long checkpointStep;

    @BeforeAll
    static void trainAndFitStoppedAndAgain() throws Exception {
        Path data = writeIdx(Files.createDirectories(dir.resolve("data")), Digits.mnistTest(EXAMPLES));
        trained = dir.resolve("trained");
        Cli train = Cli.run("train", "--data", data.toString(), "--output", trained.toString(), "--steps", String.valueOf(STEPS), "--workers", "2",
                "--averaging-frequency", "2", "--checkpoint-every", "4", "--master", "local[2]");
        assertEquals(0, train.exitCode(), train.err());

        examples = TestSpark.session().read().format("idx").load(data.resolve("train-images-idx3-ubyte").toString());
        fitted = dir.resolve("fitted");
        assertThrows(Exception.class, () -> stoppingAfterTheFirstCheckpoint(fitted, () -> checkpointing(fitted).fit(examples)));
        assertFalse(Files.exists(fitted.resolve("model.zip")), "the stopped fit finished");
        checkpointStep = ModelFile.load(fitted.resolve("checkpoint.zip").toString(), new Configuration()).info().steps();
        checkpointing(fitted).fit(examples);
    }

    @Test
    void theFitGoesOnFromItsCheckpointToTheParametersTrainEndsWith() throws IOException {
        assertTrue(checkpointStep > 0 && checkpointStep < STEPS, "checkpoint at step " + checkpointStep);
        JsonNode metrics = new ObjectMapper().readTree(fitted.resolve("metrics.json").toFile());
        assertEquals(checkpointStep, metrics.get("resumed_at_step").asLong());
        assertEquals(STEPS, metrics.get("steps").asLong());

        ModelFile.Loaded byTrain = ModelFile.load(trained.resolve("model.zip").toString(), new Configuration());
        ModelFile.Loaded byFit = ModelFile.load(fitted.resolve("model.zip").toString(), new Configuration());
        assertArrayEquals(byTrain.network().params().toFloatVector(), byFit.network().params().toFloatVector());
        assertEquals(byTrain.info().temperature(), byFit.info().temperature());
    }

    @Test
    void aCheckpointDirOfARunWithOtherSettingsOrRowsIsRefused() {
        Exception settings = assertThrows(IllegalArgumentException.class, () -> checkpointing(fitted).setLearningRate(1e-3).fit(examples));
        assertEquals(fitted + ": holds a run started with other settings (learning_rate 0.001 (the run's: 1.0E-4)); continue it with the same"
                + " settings and examples, or train in another directory", settings.getMessage());
        Exception rows = assertThrows(IllegalArgumentException.class, () -> checkpointing(fitted).fit(examples.limit(EXAMPLES - 1)));
        assertTrue(rows.getMessage().startsWith(fitted + ": holds a run started with other settings (data_md5 {a DataFrame's image and label"
                + " columns="), rows.getMessage());
    }

    @Test
    void trainCannotResumeAFitsRunItHasNoFilesFor() {
        Cli resume = Cli.run("train", "--resume", fitted.toString());

        assertEquals(1, resume.exitCode());
        assertEquals("error: " + fitted + ": its run trained on examples a program gave it, not on files; that program continues it by"
                + " training again in the same directory", resume.errorLine());
    }

    private static DigitClassifier checkpointing(Path runDir) {
        return new DigitClassifier().setFeaturesCol("image").setSteps(STEPS).setWorkers(2).setAveragingFrequency(2)
                .setCheckpointDir(runDir.toString()).setCheckpointInterval(4);
    }

    /** {@code digits} as an IDX data set's training split, their first hundred as its test split. */
    private static Path writeIdx(Path data, List<Digits.Digit> digits) throws IOException {
        byte[][] images = digits.stream().map(Digits.Digit::pixels).toArray(byte[][]::new);
        byte[] labels = new byte[digits.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) digits.get(i).label();
        }
        IdxWriter.writeImages(data.resolve("train-images-idx3-ubyte"), 28, 28, images);
        IdxWriter.writeLabels(data.resolve("train-labels-idx1-ubyte"), labels);
        IdxWriter.writeImages(data.resolve("t10k-images-idx3-ubyte"), 28, 28, Arrays.copyOf(images, 100));
        IdxWriter.writeLabels(data.resolve("t10k-labels-idx1-ubyte"), Arrays.copyOf(labels, 100));
        return data;
    }

    /**
     * Runs {@code fit} while cancelling Spark's jobs from the moment {@code runDir} holds a checkpoint, as a driver
     * lost then would leave the run: its next round never ends.
     */
    private static void stoppingAfterTheFirstCheckpoint(Path runDir, Runnable fit) throws InterruptedException {
        SparkContext sc = TestSpark.session().sparkContext();
        AtomicBoolean fitting = new AtomicBoolean(true);
        Thread canceller = new Thread(() -> {
            try {
                while (fitting.get() && !Files.exists(runDir.resolve("checkpoint.zip"))) {
                    Thread.sleep(5);
                }
                while (fitting.get()) {
                    sc.cancelAllJobs();
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        try {
            fit.run();
        } finally {
            fitting.set(false);
            canceller.join();
        }
    }
}
