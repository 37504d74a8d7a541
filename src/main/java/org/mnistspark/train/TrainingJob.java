package org.mnistspark.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistspark.files.Storage;
import org.mnistspark.idx.DataChecksums;
import org.mnistspark.idx.MnistFiles.Split;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.ModelInfo;
import org.mnistspark.model.NativeBackend;
import org.mnistspark.progress.Console;
import org.mnistspark.progress.Progress;
import org.mnistspark.report.MistakesFile;
import org.mnistspark.report.TrainingReport;

/**
 * Trains the CNN with parameter averaging: each of {@code workers} fits its own minibatches for
 * {@code averagingFrequency} steps, then parameters and Adam's state are averaged. One step is one
 * minibatch on one worker, so a run of N steps sees N × batch size examples however many workers share it.
 */
public final class TrainingJob {
    /** The number of classes of MNIST-style data sets. */
    private static final int CLASSES = 10;
    /** Minibatches whose accuracy is reported as "training accuracy": the most recent ones. */
    private static final int RECENT_BATCHES = 2;
    /** The latest checkpoint of a run: the model with Adam's state, and the step it reached. */
    static final String CHECKPOINT = "checkpoint.zip";
    private static final String MODEL = "model.zip";
    private static final String METRICS = "metrics.json";

    private TrainingJob() {}

    /** The files a run writes: a directory holding any of them holds a run. */
    private static final List<String> RUN_FILES = List.of(MODEL, METRICS, ProgressLog.FILE, RunSettings.FILE, CHECKPOINT,
            MistakesFile.NAME, TrainingReport.NAME);

    /**
     * Starts a run in {@code config.output()}. A directory that already holds a run is refused unless
     * {@code config.overwrite()}; then the replaced run's files go first, so that the new run's
     * checkpoint reports show none of them.
     */
    public static TestMetrics run(SparkSession spark, TrainingConfig config, Console console) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String dir = config.output();
        if (!config.overwrite() && Storage.isFile(Storage.child(dir, CHECKPOINT), conf)) {
            throw new IllegalArgumentException(dir + ": holds a checkpointed run; continue it with --resume " + dir
                    + ", train into another --output or add --mode overwrite");
        }
        List<String> existing = new ArrayList<>();
        for (String name : RUN_FILES) {
            if (Storage.isFile(Storage.child(dir, name), conf)) {
                existing.add(name);
            }
        }
        if (!config.overwrite() && !existing.isEmpty()) {
            throw new IllegalArgumentException(dir + ": already holds a run (" + String.join(", ", existing)
                    + "); train into another --output or add --mode overwrite");
        }
        for (String name : existing) {
            Storage.delete(Storage.child(dir, name), conf);
        }
        return train(spark, config, null, console);
    }

    /** Continues the run in {@code runDir} from its last checkpoint, with the settings it was started with. */
    public static TestMetrics resume(SparkSession spark, String runDir, Console console) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        if (!RunSettings.exists(runDir, conf)) {
            throw new IllegalArgumentException(runDir + ": not a training run (no " + RunSettings.FILE + ")");
        }
        String checkpoint = Storage.child(runDir, CHECKPOINT);
        if (!Storage.isFile(checkpoint, conf)) {
            throw new IllegalArgumentException(runDir + ": no " + CHECKPOINT + " to resume from (train with --checkpoint-every N)");
        }
        return train(spark, RunSettings.read(runDir, conf), ModelFile.load(checkpoint, conf), console);
    }

    private static TestMetrics train(SparkSession spark, TrainingConfig config, ModelFile.Loaded checkpoint, Console console)
            throws IOException {
        PrintWriter out = console.out();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = sc.hadoopConfiguration();
        LabeledImages train = LabeledImages.read(spark, config.dataDir(), Split.TRAIN, CLASSES);
        LabeledImages test = LabeledImages.read(spark, config.dataDir(), Split.TEST, CLASSES);
        if (!train.shape().equals(test.shape())) {
            throw new IllegalArgumentException(test.path() + ": images are " + test.shape() + " but the training images are " + train.shape());
        }
        if (checkpoint != null && !checkpoint.info().shape().equals(train.shape())) {
            throw new IllegalArgumentException(Storage.child(config.output(), CHECKPOINT) + ": the model takes " + checkpoint.info().shape()
                    + " but the training images are " + train.shape());
        }
        if (checkpoint == null) {
            // A resumed run keeps the settings file it was started with.
            RunSettings.write(config, conf, DataChecksums.of(config.dataDir(), conf));
        }
        Hyperparameters hp = config.hyperparameters();
        int workers = config.workers() > 0 ? config.workers() : sc.defaultParallelism();
        long start = checkpoint == null ? 0 : checkpoint.info().steps();

        TrainingSet examples = TrainingSet.collect(train);
        StepOrder order = new StepOrder(examples.count(), hp.batchSize(), hp.seed());
        long steps = config.epochs() != null ? Math.round(config.epochs() * order.perEpoch()) : config.steps();
        if (steps < 1) {
            throw new IllegalArgumentException("nothing to train: " + steps + " steps");
        }
        out.printf("training on %d examples (%s) from %s: %d steps of %d, %d workers averaging every %d steps%n",
                examples.count(), train.shape(), train.path(), steps, hp.batchSize(), workers, config.averagingFrequency());
        NativeBackend.describeExecutors(sc).forEach(out::println);
        MultiLayerNetwork network;
        if (checkpoint == null) {
            network = new MultiLayerNetwork(DeepMnistCnn.configuration(train.shape(), hp,
                    ParameterAveraging.updatesPerWorker(steps, workers, config.averagingFrequency())));
            network.init();
        } else {
            network = checkpoint.network();
            out.printf("resuming at step %d of %d from %s%n", start, steps, Storage.child(config.output(), CHECKPOINT));
        }
        ExecutorLossLog lossLog = new ExecutorLossLog(out);
        sc.sc().addSparkListener(lossLog);
        double seconds;
        long subnormalsFlushed;
        try (ParameterAveraging averaging = new ParameterAveraging(sc, network, examples, order, workers,
                config.averagingFrequency(), new Targets(train.shape().classes(), hp.labelSmoothing()), hp.seed(), steps, true)) {
            seconds = fit(averaging, network, examples, order, train, config, start, steps, conf, console);
            subnormalsFlushed = averaging.flushedSubnormals();
        } finally {
            sc.sc().removeSparkListener(lossLog);
        }
        ModelFile.save(network, new ModelInfo(train.shape(), steps, train.path()), Storage.child(config.output(), MODEL), conf);

        TestMetrics metrics = Evaluator.evaluate(sc, network, test, console);
        MistakesFile.write(config.output(), conf, test.shape().rows(), test.shape().cols(), metrics.mistakes());
        long trained = steps - start;
        // A resumed run whose checkpoint is already its last step only evaluates.
        double imagesPerSecond = trained > 0 ? trained * hp.batchSize() / seconds : 0;
        Map<String, Object> json = new LinkedHashMap<>(metrics.toJson());
        json.put("test_data", test.path());
        json.put("train_data", train.path());
        json.put("steps", steps);
        json.put("examples", steps * hp.batchSize());
        json.put("resumed_at_step", start);
        json.put("seconds", seconds);
        json.put("images_per_second", imagesPerSecond);
        json.put("batch_size", hp.batchSize());
        json.put("learning_rate", hp.learningRate());
        json.put("learning_rate_decay", hp.decay().name().toLowerCase(Locale.ROOT));
        json.put("weight_init", hp.init().name().toLowerCase(Locale.ROOT));
        json.put("label_smoothing", hp.labelSmoothing());
        json.put("seed", hp.seed());
        json.put("workers", workers);
        json.put("averaging_frequency", config.averagingFrequency());
        json.put("subnormals_flushed", subnormalsFlushed);
        MetricsFile.write(Storage.child(config.output(), METRICS), conf, json);
        out.printf("trained %d steps in %s (%.1f images/s)%n", trained, Progress.duration(Math.round(seconds)),
                imagesPerSecond);
        out.print(metrics.report());
        TrainingReport.write(config.output(), conf);
        out.println("wrote " + Storage.child(config.output(), MODEL) + ", metrics.json, train-log.csv and the report "
                + Storage.child(config.output(), TrainingReport.NAME));
        return metrics;
    }

    /**
     * Trains steps [start, steps) in rounds, reporting progress and saving checkpoints between them;
     * returns the seconds it took. A last round that would pass {@code steps} is cut short to end there.
     */
    private static double fit(ParameterAveraging averaging, MultiLayerNetwork network, TrainingSet examples, StepOrder order,
            LabeledImages train, TrainingConfig config, long start, long steps, Configuration conf, Console console)
            throws IOException {
        int roundSteps = averaging.stepsPerRound();
        long reportEvery = wholeRounds(config.logEvery(), roundSteps);
        long checkpointEvery = config.checkpointEvery() > 0 ? wholeRounds(config.checkpointEvery(), roundSteps) : 0;
        int batchSize = config.hyperparameters().batchSize();
        String csv = Storage.child(config.output(), ProgressLog.FILE);
        String checkpoint = Storage.child(config.output(), CHECKPOINT);
        try (ProgressLog log = start == 0
                ? ProgressLog.start(csv, conf, steps, reportEvery, batchSize, console)
                : ProgressLog.resume(csv, conf, start, steps, reportEvery, batchSize, console)) {
            for (long done = start; done < steps; ) {
                long end = Math.min(steps, done + roundSteps);
                double loss = averaging.round(done, end);
                done = end;
                long reached = done;
                log.round(done, loss, () -> recentAccuracy(network, examples, order, reached));
                if (checkpointEvery > 0 && (done % checkpointEvery == 0 || done == steps)) {
                    // The report first: whoever finds the checkpoint finds a report of the run up to it.
                    TrainingReport.write(config.output(), conf);
                    ModelFile.save(network, new ModelInfo(train.shape(), done, train.path()), checkpoint, conf);
                    log.println(String.format("checkpoint at step %d: %s", done, checkpoint));
                }
            }
            return log.elapsedSeconds();
        }
    }

    /** {@code steps} rounded up to whole averaging rounds. */
    private static long wholeRounds(long steps, int roundSteps) {
        return Math.max(1, (steps + roundSteps - 1) / roundSteps) * roundSteps;
    }

    /** Accuracy on the most recent minibatches, with dropout off, as the seed measured it. */
    private static double recentAccuracy(MultiLayerNetwork network, TrainingSet examples, StepOrder order, long done) {
        int correct = 0;
        int total = 0;
        for (long step = Math.max(0, done - RECENT_BATCHES); step < done; step++) {
            Batch batch = examples.batch(order.examplesOf(step));
            var predicted = network.output(batch.features(), false).argMax(1);
            for (int i = 0; i < batch.size(); i++) {
                correct += predicted.getInt(i) == batch.labels()[i] ? 1 : 0;
            }
            total += batch.size();
        }
        return (double) correct / total;
    }
}
