package org.mnistspark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.NativeBackend;
import org.mnistspark.photos.PhotoSets;
import org.mnistspark.photos.UciDigits;
import org.mnistspark.score.ScoreSummary;
import org.mnistspark.score.SummaryFile;
import org.mnistspark.train.Engine;
import org.mnistspark.train.TrainingConfig;

/**
 * The product's throughput against its baselines, on this machine, in one run (Deeplearning4j's stock
 * training master among them, with the test accuracy its runs reach beside the project's): how well a
 * {@code --preset fast} run's model reads each generated photo set; then sweeps over the figures, each
 * sweep measuring every figure once in processes of its own (so that their peak memory is the figure's)
 * after their untimed warm-up; a figure is the median of its sweeps. Writes {@code bench.json} and {@code bench.md} into the output directory.
 */
public final class Benchmark {
    /** Floating-point work of the seed's network per image: forward (conv1 1.25, conv2 20.07, fc1 6.42, fc2 0.02 MFLOP). */
    static final double INFERENCE_MFLOP = 27.77;
    /** Training: the forward pass, then gradients of activations and of weights, each about the forward's cost. */
    static final double TRAINING_MFLOP = 3 * INFERENCE_MFLOP;
    /** Minibatches a repeat of the plain loop with oneDNN convolutions trains. */
    private static final int ONEDNN_STEPS = 60;
    /** {@code torch_baseline.py}'s exit code when PyTorch cannot be imported. */
    private static final int TORCH_MISSING = 3;

    /** Where the data is, how much to measure, and how to run the product and PyTorch. */
    public record Settings(String mnistDir, Path output, int repeats, int trainSteps, int paceSteps, int photos, int setPhotos, Path uciDigits,
            String python, Path home) {}

    private final Settings settings;
    private final PrintWriter out;
    private final Path work;
    private final int cores = Runtime.getRuntime().availableProcessors();

    private Benchmark(Settings settings, PrintWriter out) throws IOException {
        this.settings = settings;
        this.out = out;
        this.work = Files.createDirectories(settings.output().resolve("work"));
    }

    public static void run(Settings settings, PrintWriter out) throws IOException, InterruptedException {
        new Benchmark(settings, out).measureAll();
    }

    private void measureAll() throws IOException, InterruptedException {
        out.println("matrix products...");
        JsonNode gemm = new ObjectMapper().readTree(part(List.of("gemm"), Map.of(), "gemm").lastLineStartingWith(Parts.RESULT));
        Ceiling ceiling = new Ceiling(gemm.get("all_cores").asDouble(), cores);
        Pace pace = pace();
        List<SetAccuracy> sets = photoSets();
        Path photos = photos();
        List<Row> rows = List.of(
                sweep -> sparkTraining(sweep, "spark-train", "Spark training, local[*], averaging every 5", 5, Engine.MNIST_SPARK),
                sweep -> sparkTraining(sweep, "spark-train-f10", "Spark training, local[*], averaging every 10 (every preset's default)", 10,
                        Engine.MNIST_SPARK),
                sweep -> sparkTraining(sweep, "spark-train-dl4j-f10", "Spark training, --engine dl4j (DL4J's stock master), averaging every 10",
                        10, Engine.DL4J),
                sweep -> plainTraining(sweep, "dl4j-builtin", "plain DL4J, one thread, built-in convolutions", "builtin", 10),
                sweep -> plainTraining(sweep, "dl4j-onednn", "plain DL4J, one thread, oneDNN convolutions", "onednn", ONEDNN_STEPS),
                this::plainTrainingSideBySide,
                sweep -> pytorch(sweep, 1),
                sweep -> pytorch(sweep, cores),
                sweep -> scoring(sweep, photos));
        List<Figure> figures = new ArrayList<>();
        for (int sweep = 0; sweep < settings.repeats(); sweep++) {
            out.println("sweep " + (sweep + 1) + " of " + settings.repeats() + ":");
            for (int i = 0; i < rows.size(); i++) {
                Figure once = rows.get(i).measure(sweep);
                if (sweep == 0) {
                    figures.add(once);
                } else {
                    figures.set(i, figures.get(i).and(once));
                }
            }
        }
        out.println("augmentation of a minibatch...");
        AugmentationCost augmentation = AugmentationCost.measure(settings.mnistDir());
        Report report = new Report(ceiling, figures, pace, sets, augmentation, settings);
        out.print(report.table());
        report.write(settings.output());
        out.println("wrote " + settings.output().resolve("bench.json") + " and " + settings.output().resolve("bench.md"));
    }

    /**
     * One figure measured once, in the sweep given. Each sweep measures every figure in turn, so that a change in
     * the host's speed over the bench (a shared machine's neighbours come and go) reaches every figure alike
     * rather than the ones measured last.
     */
    @FunctionalInterface
    private interface Row {
        Figure measure(int sweep) throws IOException, InterruptedException;
    }

    private Figure sparkTraining(int sweep, String name, String label, int frequency, Engine engine) throws IOException, InterruptedException {
        out.println(label + "...");
        ChildProcess child = part(List.of("spark-train", "--data", settings.mnistDir(), "--output", work.resolve(name + "-" + sweep).toString(),
                "--steps", Integer.toString(settings.trainSteps()), "--averaging-frequency", Integer.toString(frequency),
                "--engine", engine.label(), "--repeats", "1", "--sweep", Integer.toString(sweep)), Map.of(), name + "-" + sweep);
        return new Figure(name, label, imagesPerSecond(child), child.peakRssBytes(), cores, TRAINING_MFLOP, "", resultList(child, "accuracy"));
    }

    private Figure plainTraining(int sweep, String name, String label, String convolution, int steps) throws IOException, InterruptedException {
        out.println(label + "...");
        ChildProcess child = part(plainTrainingArgs(steps), Map.of(NativeBackend.SWITCH, convolution), name + "-" + sweep);
        return new Figure(name, label, imagesPerSecond(child), child.peakRssBytes(), 1, TRAINING_MFLOP, "");
    }

    /**
     * One plain one-thread loop per core, all at once, their figures added: what this machine's cores give
     * Deeplearning4j together, the most the Spark job's workers could reach.
     */
    private Figure plainTrainingSideBySide(int sweep) throws IOException, InterruptedException {
        String label = "plain DL4J, oneDNN, " + cores + " one-thread processes side by side";
        out.println(label + "...");
        List<String> args = plainTrainingArgs(ONEDNN_STEPS);
        ExecutorService starter = Executors.newFixedThreadPool(cores);
        try {
            List<Future<ChildProcess>> running = new ArrayList<>();
            for (int i = 0; i < cores; i++) {
                String name = "dl4j-side-by-side-" + i + "-" + sweep;
                running.add(starter.submit(() -> part(args, Map.of(NativeBackend.SWITCH, "onednn"), name)));
            }
            double together = 0;
            long peak = 0;
            for (Future<ChildProcess> process : running) {
                ChildProcess child = process.get();
                together += imagesPerSecond(child).get(0);
                peak += child.peakRssBytes();
            }
            return new Figure("dl4j-side-by-side", label, List.of(together), peak, cores, TRAINING_MFLOP, "");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            starter.shutdownNow();
        }
    }

    private List<String> plainTrainingArgs(int steps) {
        return List.of("dl4j", "--steps", Integer.toString(steps), "--repeats", "1");
    }

    private static List<Double> imagesPerSecond(ChildProcess child) throws IOException {
        return resultList(child, "images_per_second");
    }

    /** The numbers under {@code key} in the result line the child printed. */
    private static List<Double> resultList(ChildProcess child, String key) throws IOException {
        List<Double> values = new ArrayList<>();
        new ObjectMapper().readTree(child.lastLineStartingWith(Parts.RESULT)).get(key).forEach(v -> values.add(v.asDouble()));
        return values;
    }

    private Figure pytorch(int sweep, int threads) throws IOException, InterruptedException {
        String name = "pytorch-" + threads;
        String label = "PyTorch, " + threads + (threads == 1 ? " thread" : " threads") + ", same network, batch and Adam";
        out.println(label + "...");
        Path json = work.resolve(name + "-" + sweep + ".json");
        ChildProcess child = ChildProcess.run(List.of(settings.python(), settings.home().resolve("bench/torch_baseline.py").toString(),
                "--threads", Integer.toString(threads), "--repeats", "1", "--json", json.toString()),
                // torch.set_num_threads does not reach OpenBLAS, which would otherwise run the Linear layers on every core.
                Map.of("OPENBLAS_NUM_THREADS", Integer.toString(threads)), work.resolve(name + "-" + sweep + ".log"));
        if (child.exitCode() == TORCH_MISSING) {
            return Figure.skipped(name, label, child.output().strip());
        }
        require(child, name);
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        List<Double> figures = new ArrayList<>();
        result.get("repeats_images_per_second").forEach(v -> figures.add(v.asDouble()));
        return new Figure(name, label, figures, child.peakRssBytes(), threads, TRAINING_MFLOP, "torch " + result.get("torch_version").asText()
                + ", BLAS " + result.get("blas").asText());
    }

    /**
     * The photos the scoring figure reads, rendered once, and scored once untimed: the first sweep then finds
     * them in the page cache, as the later sweeps do.
     */
    private Path photos() throws IOException, InterruptedException {
        out.println("rendering " + settings.photos() + " photos...");
        Path photos = work.resolve("photos");
        if (!Files.isDirectory(photos)) {
            PhotoFolder.write(settings.mnistDir(), photos, settings.photos());
        }
        out.println("scoring them once, untimed...");
        score(photos, "score-warm-up");
        return photos;
    }

    private Figure scoring(int sweep, Path photos) throws IOException, InterruptedException {
        String label = "scoring " + settings.photos() + " JPEG and PNG photos to Parquet, local[*]";
        out.println(label + "...");
        Scored scored = score(photos, "score-" + sweep);
        return new Figure("score", label, List.of(scored.summary().imagesPerSecond()), scored.child().peakRssBytes(), cores,
                INFERENCE_MFLOP, "");
    }

    private record Scored(ChildProcess child, ScoreSummary summary) {}

    /** The photos scored by the pace run's model through the product's own command, which must score every one. */
    private Scored score(Path photos, String name) throws IOException, InterruptedException {
        String output = work.resolve(name + ".parquet").toString();
        ChildProcess child = ChildProcess.run(List.of(submit(), "score", "--model", work.resolve("pace/model.zip").toString(), "--input",
                photos.toString(), "--output", output, "--mode", "overwrite"), Map.of(), work.resolve(name + ".log"));
        require(child, "score");
        String summaryFile = SummaryFile.location(output);
        ScoreSummary summary = SummaryFile.read(summaryFile, new Configuration());
        if (summary.scored() != settings.photos()) {
            throw new IllegalStateException("scoring did not score every photo: " + summaryFile);
        }
        return new Scored(child, summary);
    }

    /** One {@code --preset fast} run of {@code paceSteps}, through the product's own command, to see whether it slows down. */
    private Pace pace() throws IOException, InterruptedException {
        out.println("training pace over one --preset fast run of " + settings.paceSteps() + " steps...");
        Path run = work.resolve("pace");
        // The run's usual progress lines, or more where it is short: each fifth needs a few of them to be timed.
        int logEvery = Math.min(TrainingConfig.DEFAULT_LOG_EVERY, settings.paceSteps() / 20);
        ChildProcess child = ChildProcess.run(List.of(submit(), "train", "--preset", "fast", "--data", settings.mnistDir(),
                "--steps", Integer.toString(settings.paceSteps()), "--log-every", Integer.toString(logEvery), "--output", run.toString(),
                "--mode", "overwrite"), Map.of(),
                work.resolve("pace.log"));
        require(child, "the pace run");
        return Pace.of(run, settings.paceSteps(), Hyperparameters.seedRecipe().batchSize());
    }

    /**
     * The pace run's model on each generated photo set, and on the UCI handwritten digits where
     * their file is, scored through the product's own command.
     */
    private List<SetAccuracy> photoSets() throws IOException, InterruptedException {
        out.println("writing the generated photo sets, " + settings.setPhotos() + " pictures of each digit in each...");
        Path sets = work.resolve("photo-sets");
        PhotoSets.write(settings.mnistDir(), sets, settings.setPhotos(), 42);
        List<SetAccuracy> accuracy = new ArrayList<>();
        for (String set : PhotoSets.NAMES) {
            accuracy.add(scoreSet(set, sets.resolve(set)));
        }
        if (Files.exists(settings.uciDigits())) {
            UciDigits.write(settings.uciDigits(), sets);
            accuracy.add(scoreSet(UciDigits.NAME, sets.resolve(UciDigits.NAME)));
        } else {
            out.println("no " + settings.uciDigits() + " (Debian's python3-sklearn installs it at " + UciDigits.SKLEARN_COPY
                    + "): the UCI handwritten digits are left out");
        }
        return accuracy;
    }

    private SetAccuracy scoreSet(String set, Path folder) throws IOException, InterruptedException {
        out.println("scoring " + set + " with the pace run's model...");
        Path scores = work.resolve("photo-set-" + set + ".parquet");
        ChildProcess child = ChildProcess.run(List.of(submit(), "score", "--model", work.resolve("pace/model.zip").toString(),
                "--input", folder.toString(), "--output", scores.toString(), "--mode", "overwrite"), Map.of(),
                work.resolve("photo-set-" + set + ".log"));
        require(child, "scoring " + set);
        return SetAccuracy.read(set, scores);
    }

    /** {@code submit.sh bench --part ARGS...}: a measurement that runs inside one process. */
    private ChildProcess part(List<String> args, Map<String, String> environment, String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(submit(), "bench", "--part"));
        command.addAll(args);
        ChildProcess child = ChildProcess.run(command, environment, work.resolve(name + ".log"));
        require(child, name);
        return child;
    }

    private String submit() {
        return settings.home().resolve("submit.sh").toString();
    }

    private static void require(ChildProcess child, String what) {
        if (child.exitCode() != 0) {
            throw new IllegalStateException(what + " failed (exit " + child.exitCode() + "): "
                    + child.output().lines().filter(l -> l.startsWith("error:")).findFirst().orElse("see its log"));
        }
    }
}
