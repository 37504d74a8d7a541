package org.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.TrainedModel;

/** A short real training run on MNIST through the Spark path, then evaluate and predict with its model. */
class TrainEvaluatePredictTest {
    private static final double ACCURACY_FLOOR = 0.95;

    @TempDir
    static Path dir;

    private static Path run;
    private static Cli training;

    @BeforeAll
    static void train() {
        run = TrainedModel.runDir();
        training = TrainedModel.training();
    }

    @Test
    void reachesTheAccuracyFloorAndWritesItsMetrics() throws IOException {
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        double accuracy = metrics.get("accuracy").asDouble();
        System.out.printf("MNIST, %d steps at lr %s: test accuracy %.4f%n", TrainedModel.STEPS, TrainedModel.LEARNING_RATE, accuracy);
        assertTrue(accuracy >= ACCURACY_FLOOR, "accuracy " + accuracy);
        assertEquals(TrainedModel.STEPS, metrics.get("steps").asInt());
        assertEquals(TrainedModel.STEPS * 50, metrics.get("examples").asInt());
        assertTrue(metrics.get("images_per_second").asDouble() > 0);
        assertTrue(metrics.get("loss").asDouble() > 0);
        assertEquals(10, metrics.get("per_class").size());
        JsonNode confusion = metrics.get("confusion_matrix");
        long total = 0;
        long correct = 0;
        for (int a = 0; a < 10; a++) {
            assertEquals(10, confusion.get(a).size());
            for (int p = 0; p < 10; p++) {
                total += confusion.get(a).get(p).asLong();
                correct += a == p ? confusion.get(a).get(p).asLong() : 0;
            }
        }
        assertEquals(10_000, total);
        assertEquals(accuracy, (double) correct / total, 1e-12);
        assertTrue(training.out().contains(String.format("test accuracy %.4f", accuracy)), training.out());
    }

    @Test
    void fitsATemperatureOnHeldOutTrainingExamplesThatLowersTheirLoss() throws IOException {
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        double t = metrics.get("temperature").asDouble();
        double before = metrics.get("calibration_loss_before").asDouble();
        double after = metrics.get("calibration_loss_after").asDouble();
        System.out.printf("temperature %.3f: held-out loss %.4f -> %.4f; test ECE %.4f, %.4f before%n", t, before, after,
                metrics.get("expected_calibration_error").asDouble(),
                metrics.get("calibration_before_temperature").get("expected_calibration_error").asDouble());
        assertEquals(2000, metrics.get("calibration_examples").asInt());
        assertTrue(t > 0 && t != 1, "temperature " + t);
        assertTrue(after <= before, "held-out loss " + before + " at T=1, " + after + " at T=" + t);
        assertTrue(training.out().contains(String.format("temperature %.3f fitted on 2,000 held-out training examples", t)), training.out());
        assertTrue(training.out().contains("training on 58000 examples"), training.out());
        assertEquals(2000, new ObjectMapper().readTree(run.resolve("train-config.json").toFile()).get("calibration_examples").asInt());
        for (String calibration : List.of("calibration", "calibration_before_temperature")) {
            long counted = 0;
            for (JsonNode bin : metrics.get(calibration).get("bins")) {
                counted += bin.get("count").asLong();
            }
            assertEquals(10_000, counted, calibration);
        }
        assertEquals(metrics.get("expected_calibration_error").asDouble(),
                metrics.get("calibration").get("expected_calibration_error").asDouble());
    }

    @Test
    void logsEveryHundredSteps() throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("train-log.csv"));
        assertEquals("step,loss,train_accuracy,elapsed_seconds", lines.get(0));
        List<String> steps = lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList();
        assertEquals(TrainedModel.STEPS / 100, steps.size());
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(String.valueOf(100 * (i + 1)), steps.get(i));
        }
        String[] last = lines.get(lines.size() - 1).split(",");
        assertTrue(Double.parseDouble(last[2]) > 0.8, lines.get(lines.size() - 1));
        assertTrue(Double.parseDouble(last[3]) > 0, lines.get(lines.size() - 1));
    }

    @Test
    void printsProgressLinesAtASteadyPaceWhenNotOnATerminal() {
        List<String> progress = training.out().lines().filter(l -> l.startsWith("step ")).toList();
        assertEquals(TrainedModel.STEPS / 100, progress.size(), training.out());
        for (int i = 0; i < progress.size(); i++) {
            String expected = "step " + 100 * (i + 1) + "/" + TrainedModel.STEPS + ", loss \\d+\\.\\d{4}, training accuracy [01]\\.\\d{3}, "
                    + "\\d+\\.\\d images/s, \\d+m\\d\\ds elapsed, \\d+m\\d\\ds left";
            assertTrue(progress.get(i).matches(expected), progress.get(i));
        }
        // Then the test set, one Spark job whose tasks of 1,000 images move the progress on: a line every 2,000 images.
        List<String> evaluation = training.out().lines().filter(l -> l.startsWith("test images ")).toList();
        assertEquals(List.of("test images 2000/10000", "test images 4000/10000", "test images 6000/10000", "test images 8000/10000",
                "test images 10000/10000"), evaluation.stream().map(l -> l.substring(0, l.indexOf(','))).toList());
        assertTrue(evaluation.stream().allMatch(l -> l.matches("test images \\d+/10000, accuracy 0\\.\\d{4}, .* left")), training.out());
        assertTrue(training.out().lines().noneMatch(l -> l.contains("\r") || l.contains("\u001b")), training.out());
    }

    @Test
    void evaluateReproducesTheTrainingRunsAccuracy() throws IOException {
        Path output = dir.resolve("evaluation.json");
        Cli evaluation = Cli.run("evaluate", "--model", run.resolve("model.zip").toString(),
                "--data", TestData.mnist().toString(), "--output", output.toString());

        assertEquals(0, evaluation.exitCode(), evaluation.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode metrics = json.readTree(run.resolve("metrics.json").toFile());
        JsonNode evaluated = json.readTree(output.toFile());
        for (String field : List.of("confusion_matrix", "temperature", "calibration", "calibration_before_temperature")) {
            assertEquals(metrics.get(field), evaluated.get(field), field);
        }
    }

    @Test
    void predictReadsDigitsWrittenAsImages() throws IOException {
        List<Digits.Digit> digits = Digits.mnistTest(20);
        List<String> args = new ArrayList<>(List.of("predict", "--model", run.resolve("model.zip").toString()));
        for (Digits.Digit digit : digits) {
            Path png = dir.resolve("digit-" + digit.index() + ".png");
            ImageIO.write(Digits.inkOnPaper(digit.pixels()), "png", png.toFile());
            args.add(png.toString());
        }

        Cli predict = Cli.run(args.toArray(String[]::new));

        assertEquals(0, predict.exitCode(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertEquals(20, lines.size());
        int correct = 0;
        for (int i = 0; i < 20; i++) {
            String line = lines.get(i);
            assertTrue(line.startsWith(dir.resolve("digit-" + i + ".png") + ": "), line);
            String[] probabilities = line.substring(line.indexOf('[') + 1, line.indexOf(']')).split(" ");
            assertEquals(10, probabilities.length);
            correct += Integer.parseInt(line.split(": ")[1].split(" ")[0]) == digits.get(i).label() ? 1 : 0;
        }
        assertTrue(correct >= 18, correct + " of 20 correct:\n" + predict.out());
    }

    @Test
    void predictReportsEveryUnreadableImageAndGoesOn() throws IOException {
        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "not an image");
        Path missing = dir.resolve("missing.png");
        Path unopenable = Files.createDirectories(dir.resolve("folder.png"));
        Path digit = dir.resolve("digit.png");
        ImageIO.write(Digits.inkOnPaper(Digits.mnistTest(1).get(0).pixels()), "png", digit.toFile());

        Cli predict = Cli.run("predict", "--model", run.resolve("model.zip").toString(), broken.toString(), missing.toString(),
                unopenable.toString(), digit.toString());

        assertEquals(1, predict.exitCode());
        assertEquals(List.of("error: " + broken + ": not an image in a known format (JPEG, PNG, GIF, BMP, TIFF)",
                "error: " + missing + ": no such file", "error: " + unopenable + ": cannot read: Is a directory"),
                predict.err().lines().toList());
        assertTrue(predict.out().startsWith(digit + ": "), "the readable image after the failures is predicted: " + predict.out());
    }
}
