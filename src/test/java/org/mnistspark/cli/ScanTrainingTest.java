package org.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.ModelInfo;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.MnistSample;
import org.mnistspark.testing.NewHand;

/** Training on labelled scans, alone or mixed with IDX data: what the run records, and a resume that repeats it exactly. */
class ScanTrainingTest {
    @TempDir
    static Path dir;

    private static Path data;
    private static Path scans;
    private static Path testScans;

    @BeforeAll
    static void write() throws IOException {
        data = MnistSample.write(Files.createDirectories(dir.resolve("data")), 3000, 200);
        var digits = Digits.mnistTest(300);
        scans = NewHand.writeFolders(dir.resolve("scans"), digits.subList(0, 200), 1);
        Files.writeString(scans.resolve("3/torn.png"), "half a picture");
        testScans = NewHand.writeFolders(dir.resolve("test-scans"), digits.subList(200, 300), 2);
    }

    private static Cli train(Path output, String... extra) {
        Cli cli = Cli.run(Stream.concat(Stream.of("train", "--output", output.toString(), "--lr", "1e-3", "--workers", "2",
                "--averaging-frequency", "5", "--log-every", "20", "--master", "local[2]"), Stream.of(extra)).toArray(String[]::new));
        assertEquals(0, cli.exitCode(), cli.err());
        return cli;
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static float[] parameters(Path model) {
        return ModelFile.load(model.toString(), new Configuration()).network().params().toFloatVector();
    }

    /**
     * A run of 40 steps against one of 20 steps resumed to 40: with a constant learning rate the 20-step
     * model is the 40-step run's state at step 20, as its checkpoint would hold it (averaged plainly and
     * saving the last parameters: a model file holds no block momentum buffer and no weight average, which
     * a checkpoint of a run with either must).
     */
    @Test
    void mixedRunRecordsTheScansAndResumesExactly() throws IOException {
        String[] mixed = {"--data", data.toString(), "--images", scans.toString(), "--images-weight", "0.4", "--block-momentum", "0",
                "--ema-decay", "0"};
        Path whole = dir.resolve("whole");
        Cli printed = train(whole, Stream.concat(Stream.of(mixed), Stream.of("--steps", "40", "--checkpoint-every", "20")).toArray(String[]::new));
        Path half = dir.resolve("half");
        train(half, Stream.concat(Stream.of(mixed), Stream.of("--steps", "20")).toArray(String[]::new));
        Path resumed = Files.createDirectories(dir.resolve("resumed"));
        Files.copy(whole.resolve("train-config.json"), resumed.resolve("train-config.json"));
        Files.copy(half.resolve("model.zip"), resumed.resolve("checkpoint.zip"));

        Cli resume = Cli.run("train", "--resume", resumed.toString(), "--master", "local[2]");

        assertEquals(0, resume.exitCode(), resume.err());
        assertTrue(resume.out().contains("resuming at step 20 of 40"), resume.out());
        assertArrayEquals(parameters(whole.resolve("model.zip")), parameters(resumed.resolve("model.zip")));

        JsonNode settings = json(whole.resolve("train-config.json"));
        assertEquals(scans.toString(), settings.get("images").asText());
        assertEquals(0.4, settings.get("images_weight").asDouble());
        assertEquals("MNIST", settings.get("preprocess").asText());
        JsonNode metrics = json(whole.resolve("metrics.json"));
        assertEquals(200, metrics.get("test_examples").asLong(), "the IDX test split is the run's test set");
        JsonNode images = metrics.get("train_images");
        assertEquals(201, images.get("files").asInt());
        assertEquals(200, images.get("used").asInt());
        long[] perClass = new long[10];
        Digits.mnistTest(200).forEach(d -> perClass[d.label()]++);
        for (int c = 0; c < 10; c++) {
            assertEquals(perClass[c], images.get("per_class").get(String.valueOf(c)).asLong(), "class " + c);
        }
        assertEquals(1, images.get("skipped").size());
        assertTrue(images.get("skipped").get(0).get("path").asText().endsWith("/3/torn.png"));
        assertEquals("not an image in a known format (JPEG, PNG, GIF, BMP, TIFF)", images.get("skipped").get(0).get("reason").asText());
        assertTrue(printed.out().contains(scans + ": 201 files, 200 used, 1 skipped; per class: 0: " + perClass[0]), printed.out());
        assertTrue(printed.out().contains("skipped file:" + scans.resolve("3/torn.png") + ": not an image in a known format"), printed.out());
    }

    @Test
    void imagesAloneTrainOnTheScansAndTestOnTestImagesIfGiven() throws IOException {
        Path run = dir.resolve("scans-only");
        train(run, "--images", scans.toString(), "--test-images", testScans.toString(), "--steps", "10");

        JsonNode metrics = json(run.resolve("metrics.json"));
        assertEquals(scans.toString(), metrics.get("train_data").asText(), "MNIST_DIR is not read unless --data is given");
        assertEquals(testScans.toString(), metrics.get("test_data").asText());
        assertEquals(100, metrics.get("test_examples").asLong());
        assertEquals(metrics.get("accuracy").asDouble(), metrics.get("test_images").get("accuracy").asDouble());
        assertEquals(100, metrics.get("test_images").get("images").get("used").asLong());
        assertTrue(json(run.resolve("train-config.json")).get("data").isNull());

        Path untested = dir.resolve("untested");
        Cli cli = train(untested, "--images", scans.toString(), "--steps", "10");
        assertTrue(cli.out().contains("no test set: give --data or --test-images to evaluate the model"), cli.out());
        assertFalse(json(untested.resolve("metrics.json")).has("accuracy"));
        assertTrue(Files.readString(untested.resolve("report.html")).contains("no test set (trained on scans alone)"));
    }

    @Test
    void refusesAnInitModelOfAnotherShape() throws IOException {
        InputShape small = new InputShape(14, 14, 10);
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(small, Hyperparameters.seedRecipe(), 1));
        network.init();
        Path model = dir.resolve("small.zip");
        ModelFile.save(network, new ModelInfo(small, 0, "nothing"), model.toString(), new Configuration());
        Path run = dir.resolve("refused");

        Cli cli = Cli.run("train", "--images", scans.toString(), "--init-model", model.toString(), "--output", run.toString());

        assertEquals(1, cli.exitCode());
        assertEquals("error: " + model + ": the model takes 14x14 images, 10 classes but the training images are 28x28 images, 10 classes",
                cli.errorLine());
        assertFalse(Files.exists(run.resolve("train-config.json")));
    }
}
