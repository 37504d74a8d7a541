package org.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.model.ModelFile;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.MnistSample;
import org.mnistspark.testing.TestSpark;

/** A short run through Deeplearning4j's stock training master ({@code --engine dl4j}), whose run directory evaluate reads as any other. */
class Dl4jEngineTest {
    /**
     * Test accuracy measured at 95.43% and 95.69% on all of MNIST, 94.20% on the sample (the workers' dropout
     * is not seeded by step here).
     */
    private static final double ACCURACY_FLOOR = 0.90;
    private static final int STEPS = 200;

    @TempDir
    static Path dir;
    private static Cli training;
    private static Path run;

    /** Real MNIST digits, a twelfth of them: the run and the evaluation of its model each read 1,000 test digits, not 10,000. */
    private static Path data;

    @BeforeAll
    static void train() throws IOException {
        data = MnistSample.write(Files.createDirectories(dir.resolve("data")), 5_000, 1_000);
        run = dir.resolve("run");
        training = Cli.run("train", "--engine", "dl4j", "--data", data.toString(), "--output", run.toString(),
                "--steps", String.valueOf(STEPS), "--lr", "1e-3", "--master", "local[2]");
        assertEquals(0, training.exitCode(), training.err());
    }

    @Test
    void trainsAModelThatLoadsAndLearns() throws IOException {
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        double accuracy = metrics.get("accuracy").asDouble();
        System.out.printf("MNIST, %d steps through the dl4j engine: test accuracy %.4f%n", STEPS, accuracy);
        assertEquals("dl4j", metrics.get("engine").asText());
        assertEquals(0, metrics.get("block_momentum").asDouble(), "plain averaging, the stock engine's, on two workers too");
        assertEquals(STEPS, metrics.get("steps").asInt());
        assertTrue(accuracy >= ACCURACY_FLOOR, "accuracy " + accuracy);
        assertEquals(STEPS, ModelFile.load(run.resolve("model.zip").toString(), new Configuration()).info().steps());
        assertTrue(training.out().contains("engine: dl4j (Deeplearning4j's ParameterAveragingTrainingMaster"), training.out());
        JsonNode settings = new ObjectMapper().readTree(run.resolve("train-config.json").toFile());
        assertEquals("dl4j", settings.get("engine").asText());
        assertEquals(0, settings.get("block_momentum").asDouble());
        List<String> log = Files.readAllLines(run.resolve("train-log.csv"));
        assertEquals(List.of("100", "200"), log.subList(1, log.size()).stream().map(l -> l.split(",")[0]).toList());
    }

    @Test
    void leavesNoExportedMinibatchesBehind() throws IOException {
        Path temporary = Path.of(TestSpark.session().sparkContext().hadoopConfiguration().get("hadoop.tmp.dir"));
        try (Stream<Path> files = Files.exists(temporary) ? Files.list(temporary) : Stream.empty()) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("dl4j-export-")).toList());
        }
    }

    @Test
    void refusesToCheckpointBlockMomentumAndUnknownEngines() {
        Cli checkpointing = Cli.run("train", "--engine", "dl4j", "--checkpoint-every", "100", "--output", dir.resolve("refused").toString());
        assertEquals(2, checkpointing.exitCode());
        assertTrue(checkpointing.errorLine().startsWith("error: --checkpoint-every needs --engine mnist-spark: the dl4j engine's"),
                checkpointing.errorLine());

        Cli momentum = Cli.run("train", "--engine", "dl4j", "--block-momentum", "0.5", "--output", dir.resolve("refused").toString());
        assertEquals(2, momentum.exitCode());
        assertEquals("error: --block-momentum needs --engine mnist-spark: the dl4j engine's training master averages the parameters plainly"
                + " (see --help)", momentum.errorLine());

        Cli nesterov = Cli.run("train", "--engine", "dl4j", "--nesterov", "--output", dir.resolve("refused").toString());
        assertEquals(2, nesterov.exitCode());
        assertTrue(nesterov.errorLine().startsWith("error: --nesterov needs --engine mnist-spark"), nesterov.errorLine());

        Cli unknown = Cli.run("train", "--engine", "tensorflow", "--output", dir.resolve("refused").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.errorLine().contains("unknown engine 'tensorflow'; choose from mnist-spark, dl4j"), unknown.errorLine());
        assertTrue(Files.notExists(dir.resolve("refused")));
    }

    @Test
    void evaluateReadsItsModel() throws IOException {
        Path output = dir.resolve("evaluation.json");
        Cli evaluation = Cli.run("evaluate", "--model", run.resolve("model.zip").toString(), "--data", data.toString(),
                "--output", output.toString());

        assertEquals(0, evaluation.exitCode(), evaluation.err());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(run.resolve("metrics.json").toFile()).get("confusion_matrix"),
                json.readTree(output.toFile()).get("confusion_matrix"));
    }
}
