package org.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.ModelInfo;
import org.mnistspark.testing.BlankDataset;
import org.mnistspark.testing.Cli;

/** What an earlier command wrote is never replaced silently: every command refuses it unless told --mode overwrite. */
class ExistingOutputTest {
    private static final String EARLIER = "the earlier run's model";

    @TempDir
    Path dir;

    private Path finishedRun() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("model.zip"), EARLIER);
        Files.writeString(run.resolve("metrics.json"), "{}");
        return run;
    }

    private Cli train(Path run, String... extra) throws IOException {
        Path data = BlankDataset.write(dir.resolve("data"), 60, 60);
        String[] args = Stream.concat(Stream.of("train", "--data", data.toString(),
                "--output", run.toString(), "--steps", "2", "--workers", "1"), Stream.of(extra)).toArray(String[]::new);
        return Cli.run(args);
    }

    @Test
    void trainRefusesADirectoryHoldingAFinishedRun() throws IOException {
        Path run = finishedRun();

        Cli cli = train(run);

        assertEquals(1, cli.exitCode());
        assertEquals("error: " + run + ": already holds a run (model.zip, metrics.json); train into another --output"
                + " or add --mode overwrite", cli.errorLine());
        assertEquals(EARLIER, Files.readString(run.resolve("model.zip")));
        assertEquals("{}", Files.readString(run.resolve("metrics.json")));
        assertFalse(Files.exists(run.resolve("train-log.csv")));
    }

    @Test
    void trainReplacesARunWhenToldToAndDropsItsStaleCheckpoint() throws IOException {
        Path run = finishedRun();
        Files.writeString(run.resolve("checkpoint.zip"), "the earlier run's checkpoint");

        Cli cli = train(run, "--mode", "overwrite");

        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(2, ModelFile.load(run.resolve("model.zip").toString(), new Configuration()).info().steps());
        assertFalse(Files.exists(run.resolve("checkpoint.zip")), "a checkpoint of the replaced run would resume the wrong run");
        // The run's one worker, as the console names it.
        assertTrue(cli.out().contains(": 2 steps of 50, 1 worker, its parameters back to the driver every 10 steps"), cli.out());
        assertTrue(cli.out().contains("engine: mnist-spark (one Spark job a round of 1 worker, "), cli.out());
    }

    @Test
    void evaluateRefusesAnExistingEvaluationThenReplacesItWhenToldTo() throws IOException {
        Path data = BlankDataset.write(dir.resolve("data"), 60, 60);
        Path model = dir.resolve("model.zip");
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(InputShape.MNIST, Hyperparameters.seedRecipe(), 1));
        network.init();
        ModelFile.save(network, new ModelInfo(InputShape.MNIST, 0, "untrained"), model.toString(), new Configuration());
        Path evaluation = dir.resolve("evaluation.json");
        Files.writeString(evaluation, "the earlier evaluation");

        Cli refused = Cli.run("evaluate", "--model", model.toString(), "--data", data.toString());

        assertEquals(1, refused.exitCode());
        assertEquals("error: " + evaluation + ": already exists; choose another --output or add --mode overwrite", refused.errorLine());
        assertEquals("the earlier evaluation", Files.readString(evaluation));

        Cli replaced = Cli.run("evaluate", "--model", model.toString(), "--data", data.toString(), "--mode", "overwrite");

        assertEquals(0, replaced.exitCode(), replaced.err());
        assertTrue(Files.readString(evaluation).contains("\"accuracy\""), Files.readString(evaluation));
    }
}
