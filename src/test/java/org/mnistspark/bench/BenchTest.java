package org.mnistspark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.testing.MnistSample;
import org.mnistspark.testing.TestSpark;
import org.mnistspark.train.Engine;

/** The benchmark's parts and report, run for real but briefly; no timing is asserted. */
class BenchTest {
    @TempDir
    Path dir;
    /** Real MNIST digits, few of them: each training part ends with an evaluation, here of 200 digits rather than 10,000. */
    @TempDir
    static Path sample;
    private static String data;

    @BeforeAll
    static void writeSample() throws IOException {
        data = MnistSample.write(sample, 2_000, 200).toString();
    }

    private JsonNode part(String name, int steps, int repeats) throws Exception {
        return part(name, steps, repeats, Engine.MNIST_SPARK);
    }

    private JsonNode part(String name, int steps, int repeats, Engine engine) throws Exception {
        Parts.Request request = new Parts.Request(name, steps, repeats, 5, engine, Parts.firstSeed(1), data, dir);
        String line = Parts.run(request, TestSpark::session, new PrintWriter(Writer.nullWriter()));
        assertTrue(line.startsWith(Parts.RESULT), line);
        return new ObjectMapper().readTree(line.substring(Parts.RESULT.length()));
    }

    @Test
    void inProcessPartsPrintOneResultLineOfPositiveFigures() throws Exception {
        JsonNode gemm = part("gemm", 0, 1);
        assertTrue(gemm.get("all_cores").asDouble() > 0, gemm.toString());

        AugmentationCost augmentation = AugmentationCost.measure(data);
        assertTrue(augmentation.defaultMillis() > 0 && augmentation.everythingMillis() > 0, augmentation.toString());

        JsonNode dl4j = part("dl4j", 2, 2);
        assertEquals(2, dl4j.get("images_per_second").size());
        dl4j.get("images_per_second").forEach(v -> assertTrue(v.asDouble() > 0, dl4j.toString()));
    }

    @Test
    void theSparkPartTrainsThroughTheJobAndCountsOnlyTheRunsAfterTheWarmUp() throws Exception {
        JsonNode spark = part("spark-train", 10, 1);
        assertEquals(1, spark.get("images_per_second").size());
        assertTrue(spark.get("images_per_second").get(0).asDouble() > 0, spark.toString());
        assertTrue(Files.exists(dir.resolve("run-0/model.zip")), "the warm-up run");
        assertEquals(new ObjectMapper().readTree(dir.resolve("run-1/metrics.json").toFile()).get("images_per_second").asDouble(),
                spark.get("images_per_second").get(0).asDouble(), "the timed run's own figure, from its metrics.json");
        JsonNode warmUp = new ObjectMapper().readTree(dir.resolve("run-0/train-config.json").toFile());
        JsonNode timed = new ObjectMapper().readTree(dir.resolve("run-1/train-config.json").toFile());
        assertEquals(List.of("fast", "LINEAR", "0.0015", "42", "44"), List.of(timed.get("preset").asText(), timed.get("learning_rate_decay").asText(),
                timed.get("learning_rate").asText(), warmUp.get("seed").asText(), timed.get("seed").asText()),
                "fast's rate decaying over the run; the second sweep's seed, its own");
        assertEquals(List.of(2, 10), List.of(warmUp.get("steps").asInt(), timed.get("steps").asInt()), "a warm-up of a fifth of the steps");

        // The pace of a run, from a log whose speed halves between its first and last fifths.
        Files.writeString(dir.resolve("run-1/train-log.csv"), "step,loss,train_accuracy,elapsed_seconds\n"
                + "2,2.3,0.1,1.0\n4,2.2,0.1,2.0\n6,2.1,0.2,3.0\n8,2.0,0.2,5.0\n10,1.9,0.3,7.0\n");
        Pace pace = Pace.of(dir.resolve("run-1"), 10, 50);
        assertEquals(100, pace.firstFifth(), 1e-9, "steps 2 to 4 in one second");
        assertEquals(50, pace.lastFifth(), 1e-9, "steps 8 to 10 in two seconds");
        assertEquals(0.5, pace.ratio(), 1e-9);
        assertEquals(0, pace.subnormals(), "the saved model's parameters and Adam's state");
        assertEquals(new ObjectMapper().readTree(dir.resolve("run-1/metrics.json").toFile()).get("accuracy").asDouble(), pace.accuracy());
    }

    @Test
    void theSparkPartTrainsThroughDeeplearning4jsStockTrainingMasterToo() throws Exception {
        JsonNode stock = part("spark-train", 20, 1, Engine.DL4J);
        assertEquals(1, stock.get("images_per_second").size());
        assertTrue(stock.get("images_per_second").get(0).asDouble() > 0, stock.toString());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("run-1/metrics.json").toFile());
        assertEquals("dl4j", metrics.get("engine").asText());
        assertEquals(metrics.get("accuracy").asDouble(), stock.get("accuracy").get(0).asDouble(), "the counted run's test accuracy");
    }

    @Test
    void aFiguresSweepsAddUpToItsRepeatsAndMedians() {
        Figure first = new Figure("spark-train-f10", "every 10", List.of(800.0), 2_000_000_000L, 2, Benchmark.TRAINING_MFLOP, "", List.of(0.97));
        Figure second = new Figure("spark-train-f10", "every 10", List.of(700.0), 3_000_000_000L, 2, Benchmark.TRAINING_MFLOP, "", List.of(0.98));
        Figure third = new Figure("spark-train-f10", "every 10", List.of(900.0), 1_000_000_000L, 2, Benchmark.TRAINING_MFLOP, "", List.of(0.96));

        Figure all = first.and(second).and(third);

        assertEquals(List.of(800.0, 700.0, 900.0), all.imagesPerSecond(), "the sweeps' figures in their order");
        assertEquals(800.0, all.median());
        assertEquals(0.97, all.testAccuracy());
        assertEquals(3_000_000_000L, all.peakRssBytes(), "the largest peak of any sweep");
        Figure skipped = Figure.skipped("pytorch-1", "PyTorch", "PyTorch is not installed");
        assertEquals(skipped, skipped.and(Figure.skipped("pytorch-1", "PyTorch", "PyTorch is not installed")));
        assertEquals(first, first.and(skipped), "a sweep that measured nothing adds nothing");
    }

    @Test
    void aChildProcessGivesItsOutputAndPeakMemory() throws Exception {
        ChildProcess child = ChildProcess.run(List.of("sh", "-c", "echo warming up; sleep 1; echo \"result: $GREETING\""),
                Map.of("GREETING", "hello"), dir.resolve("child.log"));
        assertEquals(0, child.exitCode());
        assertEquals("hello", child.lastLineStartingWith(Parts.RESULT));
        assertTrue(child.peakRssBytes() > 0, "peak " + child.peakRssBytes());
        assertEquals(child.output(), Files.readString(dir.resolve("child.log")));
    }

    @Test
    void theReportHoldsEveryFigureAgainstItsCeilingAndTheBaseline() throws Exception {
        Ceiling ceiling = new Ceiling(150, 2);
        List<Figure> figures = List.of(
                new Figure("spark-train", "Spark training", List.of(600.0, 500.0, 700.0), 2_000_000_000L, 2, Benchmark.TRAINING_MFLOP, ""),
                new Figure("dl4j-onednn", "plain DL4J, oneDNN", List.of(450.0, 550.0), 1_000_000_000L, 1, Benchmark.TRAINING_MFLOP, ""),
                new Figure("dl4j-builtin", "plain DL4J, built-in", List.of(100.0), 1_000_000_000L, 1, Benchmark.TRAINING_MFLOP, ""),
                new Figure("spark-train-f10", "Spark training, every 10", List.of(800.0), 2_000_000_000L, 2, Benchmark.TRAINING_MFLOP, "",
                        List.of(0.97)),
                new Figure("dl4j-side-by-side", "plain DL4J side by side", List.of(1000.0), 1_000_000_000L, 2, Benchmark.TRAINING_MFLOP, ""),
                new Figure("pytorch-1", "PyTorch, 1 thread", List.of(400.0, 400.0, 400.0), 300_000_000L, 1, Benchmark.TRAINING_MFLOP, "torch 1.13"),
                Figure.skipped("pytorch-2", "PyTorch, 2 threads", "PyTorch is not installed"),
                new Figure("spark-train-dl4j-f10", "Spark training, dl4j", List.of(200.0), 3_000_000_000L, 2, Benchmark.TRAINING_MFLOP, "",
                        List.of(0.965)));
        List<SetAccuracy> sets = List.of(new SetAccuracy("mnist-photo", 1000, 990, 0), new SetAccuracy("form-boxes", 1000, 955, 2));
        Report report = new Report(ceiling, figures, new Pace(4000, 800, 760, 0, 0.991), sets, new AugmentationCost(0.6, 1.5),
                new Benchmark.Settings("data/mnist", dir, 3, 300, 4000, 10000, 100, dir.resolve("digits.csv.gz"), "python3", dir));

        report.write(dir);

        JsonNode json = new ObjectMapper().readTree(dir.resolve("bench.json").toFile());
        JsonNode spark = json.get("figures").get(0);
        assertEquals(600.0, spark.get("median_images_per_second").asDouble());
        assertEquals(150e3 / Benchmark.TRAINING_MFLOP, spark.get("ceiling_images_per_second").asDouble(), 1e-9);
        assertEquals(75e3 / Benchmark.TRAINING_MFLOP, json.get("figures").get(1).get("ceiling_images_per_second").asDouble(), 1e-9,
                "a one-thread figure against one core's share");
        assertEquals(600.0 / (150e3 / Benchmark.TRAINING_MFLOP), spark.get("fraction_of_ceiling").asDouble(), 1e-9);
        assertEquals(500.0, json.get("figures").get(1).get("median_images_per_second").asDouble(), "median of an even count");
        assertEquals(1.5, json.get("ratios").get("Spark training (averaging every 5) / best PyTorch").asDouble(), 1e-9);
        assertEquals(5.0, json.get("ratios").get("plain DL4J, oneDNN / built-in convolutions").asDouble(), 1e-9);
        assertEquals(0.8, json.get("ratios").get("Spark training (averaging every 10) / plain DL4J processes side by side").asDouble(), 1e-9);
        assertEquals(4.0, json.get("ratios").get("Spark training, the project's engine / DL4J's stock training master (averaging every 10)")
                .asDouble(), 1e-9);
        assertEquals("[1.5,1.25,1.75]", json.get("ratios_by_sweep").get("Spark training (averaging every 5) / best PyTorch").toString(),
                "sweep by sweep against the best PyTorch figure's sweeps");
        assertFalse(json.get("ratios_by_sweep").has("plain DL4J, oneDNN / built-in convolutions"), "two sweeps against one: no pairs");
        assertEquals(0.965, json.get("figures").get(7).get("test_accuracy").asDouble());
        assertEquals("PyTorch is not installed", json.get("figures").get(6).get("note").asText());
        assertEquals(0.95, json.get("ratios").get("training pace, last fifth / first fifth of a --preset fast run of 4,000 steps").asDouble(), 1e-9);
        assertEquals(760.0, json.get("pace").get("last_fifth_images_per_second").asDouble());
        assertEquals(0, json.get("pace").get("subnormals_in_saved_model").asLong());
        assertEquals(0.6, json.get("augmentation_ms_per_minibatch").get("robust").asDouble());

        String markdown = Files.readString(dir.resolve("bench.md"));
        assertTrue(markdown.contains("| Spark training | 600.0 | 600.0 500.0 700.0 | 2.00 GB |"), markdown);
        assertTrue(markdown.contains("| PyTorch, 2 threads | skipped: PyTorch is not installed |"), markdown);
        assertTrue(markdown.contains("| Spark training, dl4j | 200.0 | 200.0 | 3.00 GB | 1801 | 11.1% | 96.50% |"), markdown);
        assertTrue(markdown.contains("| Spark training | 600.0 | 600.0 500.0 700.0 | 2.00 GB | 1801 | 33.3% |  |"), markdown);
        assertTrue(report.table().matches("(?s).*Spark training, every 10 +800\\.0 .* 97\\.00%\n.*"), report.table());
        assertTrue(report.table().contains("Spark training (averaging every 5) / best PyTorch"), report.table());
        assertTrue(markdown.contains("- Spark training (averaging every 5) / best PyTorch: **1.50×** (sweeps: 1.50, 1.25, 1.75)\n"), markdown);
        assertTrue(markdown.contains("on the UCI handwritten digits (" + dir.resolve("digits.csv.gz") + ", as ./submit.sh photos --uci-digits"),
                markdown);
        assertTrue(markdown.contains("pace of a --preset fast run of 4,000 steps: 800.0 images/s over its first fifth after a warm-up tenth,"
                + " 760.0 over its last fifth; 0 subnormal floats in its saved model; test accuracy 99.10%"), markdown);

        JsonNode photoSets = json.get("photo_sets");
        assertEquals(0.991, photoSets.get("mnist_test_accuracy").asDouble());
        assertEquals(100, photoSets.get("pictures_per_digit").asInt());
        assertEquals("form-boxes", photoSets.get("sets").get(1).get("name").asText());
        assertEquals(0.955, photoSets.get("sets").get(1).get("accuracy").asDouble(), 1e-12);
        assertEquals(2, photoSets.get("sets").get(1).get("failed").asInt());
        assertTrue(markdown.contains("| MNIST test set | 99.10% | 10000 | |\n| mnist-photo | 99.00% | 1000 | 0 |\n"
                + "| form-boxes | 95.50% | 1000 | 2 |"), markdown);
        assertTrue(report.table().matches("(?s).*form-boxes +95\\.50% +1000 +2\n.*"), report.table());
    }

    @Test
    void aSetsAccuracyComesFromTheScoresParquetWithTheLabelFromEachFoldersName() throws Exception {
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("path", "string").add("label", "int").add("error", "string");
        List<org.apache.spark.sql.Row> rows = List.of(
                org.apache.spark.sql.RowFactory.create("file:/sets/pens/3/00000.jpg", 3, null),
                org.apache.spark.sql.RowFactory.create("file:/sets/pens/3/00001.png", 5, null),
                org.apache.spark.sql.RowFactory.create("file:/sets/pens/7/00000.jpg", 7, null),
                org.apache.spark.sql.RowFactory.create("file:/sets/pens/8/00000.jpg", null, "no ink found: the picture is blank"));
        Path scores = dir.resolve("scores.parquet");
        TestSpark.session().createDataFrame(rows, schema).repartition(2).write().parquet(scores.toString());

        SetAccuracy accuracy = SetAccuracy.read("pens", scores);

        assertEquals(new SetAccuracy("pens", 4, 2, 1), accuracy);
        assertEquals(0.5, accuracy.accuracy());
    }
}
