package org.mnistspark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.Preset;
import org.mnistspark.progress.Console;
import org.mnistspark.run.ScanSettings;
import org.mnistspark.train.Engine;
import org.mnistspark.train.StopRequest;
import org.mnistspark.train.TrainingConfig;
import org.mnistspark.train.TrainingJob;

/** The measurements that run inside one process, each printing its result as one JSON line after {@link #RESULT}. */
public final class Parts {
    static final String RESULT = "result: ";
    private static final int MATRIX_SIZE = 2048;
    private static final int WARMUP_STEPS = 5;
    /** {@code fast}'s hyperparameters on unchanged images: what a step costs is the network's, not the augmentation's. */
    private static final Hyperparameters BENCH_RECIPE = Preset.FAST.hyperparameters().withAugmentation(Augmentation.NONE);

    /**
     * What a part needs: how long to measure, and for Spark training the data, the averaging, its engine, the first timed
     * run's seed (the next runs take the seeds after it) and where runs go.
     */
    public record Request(String part, int steps, int repeats, int averagingFrequency, Engine engine, long firstSeed, String data, Path work) {}

    /** The first timed run's seed in the bench's sweep {@code sweep}: each sweep's run draws anew, and none repeats the warm-up's. */
    public static long firstSeed(int sweep) {
        return BENCH_RECIPE.seed() + 1 + sweep;
    }

    private Parts() {}

    /**
     * {@code gemm}: single-precision GFLOP/s on all cores; {@code dl4j}: plain-loop
     * training images/s; {@code spark-train}: the training job's images/s and test accuracies, run repeatedly in one session
     * after a warm-up run of a fifth of the steps (which warms up the JVM, oneDNN and Spark, and is not counted).
     */
    public static String run(Request request, Supplier<SparkSession> spark, PrintWriter out) throws Exception {
        Object result = switch (request.part()) {
            case "gemm" -> Map.of("all_cores", MatrixProduct.gigaflops(MATRIX_SIZE, request.repeats() + 2));
            case "dl4j" -> Map.of("images_per_second", PlainTraining.imagesPerSecond(WARMUP_STEPS, request.steps(), request.repeats()));
            case "spark-train" -> sparkTraining(request, spark.get(), out);
            default -> throw new IllegalArgumentException("--part must be gemm, dl4j or spark-train, not '" + request.part() + "'");
        };
        return RESULT + new ObjectMapper().writeValueAsString(result);
    }

    private static Map<String, List<Double>> sparkTraining(Request request, SparkSession spark, PrintWriter out) throws Exception {
        List<Double> figures = new ArrayList<>();
        List<Double> accuracy = new ArrayList<>();
        for (int run = 0; run <= request.repeats(); run++) {
            Path dir = request.work().resolve("run-" + run);
            int steps = run == 0 ? Math.max(1, request.steps() / 5) : request.steps();
            long seed = run == 0 ? BENCH_RECIPE.seed() : request.firstSeed() + run - 1;
            // The benchmark's own scratch runs: a second bench replaces the first. Plain averaging, as the stock engine's,
            // and the last parameters, so that the engines' accuracies compare like for like; fast's rate, decaying to zero
            // over the run, as users train. A seed of its own for each run: the stock engine's runs differ from one another
            // (its dropout is not seeded), and its median over them compares with a median over draws, not with one draw.
            TrainingJob.run(spark, new TrainingConfig(request.data(), dir.toString(), "fast", steps, null,
                    BENCH_RECIPE.withSeed(seed), request.averagingFrequency(), 0, steps, 0, true, ScanSettings.NONE, request.engine(),
                    0.0, false, 0, false),
                    Console.plain(out), StopRequest.NEVER);
            if (run > 0) {
                JsonNode metrics = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
                figures.add(metrics.get("images_per_second").asDouble());
                accuracy.add(metrics.get("accuracy").asDouble());
            }
        }
        return Map.of("images_per_second", figures, "accuracy", accuracy);
    }
}
