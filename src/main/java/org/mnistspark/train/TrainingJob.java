package org.mnistspark.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistspark.augment.Augmenter;
import org.mnistspark.data.Batch;
import org.mnistspark.data.LabeledImages;
import org.mnistspark.evaluate.Evaluator;
import org.mnistspark.evaluate.TestMetrics;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.ModelInfo;
import org.mnistspark.model.NativeBackend;
import org.mnistspark.progress.Console;
import org.mnistspark.progress.Progress;
import org.mnistspark.report.MistakesFile;
import org.mnistspark.report.TrainingReport;
import org.mnistspark.run.RunDirectory;
import org.mnistspark.run.RunSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains the CNN with parameter averaging: each of {@code workers} fits its own minibatches for
 * {@code averagingFrequency} steps, then parameters and Adam's state are averaged. One step is one
 * minibatch on one worker, so a run of N steps sees N × batch size examples however many workers share it.
 * A run reads its data, builds or restores the network, trains in rounds, saves the model, evaluates
 * it on the test split and writes its metrics and report: one method a step.
 */
public final class TrainingJob {
    /** The number of classes of MNIST-style data sets. */
    private static final int CLASSES = 10;
    /** Minibatches whose accuracy is reported as "training accuracy": the most recent ones. */
    private static final int RECENT_BATCHES = 2;

    private final JavaSparkContext sc;
    private final TrainingConfig config;
    private final RunDirectory run;
    private final Console console;
    private final PrintWriter out;
    private final Hyperparameters hp;
    private final TrainingData data;
    private final TrainingSet examples;
    private final BatchOrder order;
    private final int workers;
    private final BlockMomentum blockMomentum;
    private final long steps;
    private final StopRequest stop;

    private TrainingJob(SparkSession spark, TrainingConfig config, TrainingData data, Console console, StopRequest stop) {
        this.sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.config = config;
        this.run = new RunDirectory(config.output(), sc.hadoopConfiguration());
        this.console = console;
        this.out = console.out();
        this.hp = config.hyperparameters();
        this.data = data;
        this.examples = data.examples();
        this.order = data.order();
        this.workers = config.workers() > 0 ? config.workers() : sc.defaultParallelism();
        this.blockMomentum = new BlockMomentum(config.blockMomentum() != null ? config.blockMomentum() : BlockMomentum.defaultFor(workers),
                config.nesterov());
        this.steps = config.epochs() != null ? Math.round(config.epochs() * order.perEpoch()) : config.steps();
        this.stop = stop;
        if (steps < 1) {
            throw new IllegalArgumentException("nothing to train: " + steps + " steps");
        }
    }

    /**
     * Starts a run in {@code config.output()}. A directory that already holds a run is refused unless
     * {@code config.overwrite()}; then the replaced run's files go first, so that the new run's
     * checkpoint reports show none of them. When {@code stop} is requested the run ends after the round in
     * flight with a checkpoint there, throwing {@link TrainingStopped}.
     */
    public static TestMetrics run(SparkSession spark, TrainingConfig config, Console console, StopRequest stop) throws IOException {
        RunDirectory run = new RunDirectory(config.output(), spark.sparkContext().hadoopConfiguration());
        String dir = config.output();
        if (!config.overwrite() && run.has(RunDirectory.CHECKPOINT)) {
            throw new IllegalArgumentException(dir + ": holds a checkpointed run; continue it with --resume " + dir
                    + ", train into another --output or add --mode overwrite");
        }
        List<String> existing = run.existingFiles();
        if (!config.overwrite() && !existing.isEmpty()) {
            throw new IllegalArgumentException(dir + ": already holds a run (" + String.join(", ", existing)
                    + "); train into another --output or add --mode overwrite");
        }
        for (String name : existing) {
            run.delete(name);
        }
        return start(new TrainingJob(spark, config, TrainingData.read(spark, config, null, CLASSES, console.out()), console, stop));
    }

    /** Continues the run in {@code runDir} from its last checkpoint, with the settings it was started with; {@code stop} as for {@link #run}. */
    public static TestMetrics resume(SparkSession spark, String runDir, Console console, StopRequest stop) throws IOException {
        RunDirectory run = new RunDirectory(runDir, spark.sparkContext().hadoopConfiguration());
        if (!run.has(RunDirectory.SETTINGS)) {
            throw new IllegalArgumentException(runDir + ": not a training run (no " + RunDirectory.SETTINGS + ")");
        }
        if (!run.has(RunDirectory.CHECKPOINT)) {
            throw new IllegalArgumentException(runDir + ": no " + RunDirectory.CHECKPOINT + " to resume from (train with --checkpoint-every N)");
        }
        RunSettings settings = run.readSettings();
        if (settings.data() == null && settings.images() == null) {
            throw new IllegalArgumentException(runDir + ": its run trained on examples a program gave it, not on files; that program"
                    + " continues it by training again in the same directory");
        }
        TrainingConfig config = TrainingConfig.of(settings, runDir);
        return new TrainingJob(spark, config, TrainingData.read(spark, config, settings.heldOut(), CLASSES, console.out()), console, stop)
                .fromCheckpoint();
    }

    /**
     * Trains on {@code examples} in {@code config.output()}: a new run, or the run there continued from its last
     * checkpoint, which must have been started with the same settings on the same examples. A directory
     * holding a finished run without a checkpoint is refused; what an earlier run left before its first
     * checkpoint is replaced.
     */
    public static TestMetrics fit(SparkSession spark, TrainingConfig config, CollectedExamples examples, Console console)
            throws IOException {
        RunDirectory run = new RunDirectory(config.output(), spark.sparkContext().hadoopConfiguration());
        if (run.has(RunDirectory.CHECKPOINT)) {
            RunSettings recorded = run.readSettings();
            TrainingJob job = new TrainingJob(spark, config, TrainingData.of(examples, config, recorded.heldOut()), console, StopRequest.NEVER);
            List<String> changed = job.settings().withCalibrationExamples(recorded.heldOut()).differencesFrom(recorded);
            if (!changed.isEmpty()) {
                throw new IllegalArgumentException(config.output() + ": holds a run started with other settings (" + String.join("; ", changed)
                        + "); continue it with the same settings and examples, or train in another directory");
            }
            return job.fromCheckpoint();
        }
        if (run.has(RunDirectory.MODEL)) {
            throw new IllegalArgumentException(config.output() + ": holds a finished run without a checkpoint to continue; train in another directory");
        }
        for (String name : run.existingFiles()) {
            run.delete(name);
        }
        return start(new TrainingJob(spark, config, TrainingData.of(examples, config, null), console, StopRequest.NEVER));
    }

    /** Records the run's settings and trains a new network from step 0. */
    private static TestMetrics start(TrainingJob job) throws IOException {
        // Before the settings are written: a model that does not fit leaves nothing behind.
        MultiLayerNetwork network = job.newNetwork();
        job.run.writeSettings(job.settings().withCalibrationExamples(job.data.heldOut().count()));
        return job.train(network, MomentumBuffer.startingAtZero(job.blockMomentum, network.numParams()),
                WeightAverage.startingAt(job.config.emaDecay(), network.params()), 0);
    }

    /** The settings file's content: the config, the data's checksums and the block momentum as resolved. */
    private RunSettings settings() throws IOException {
        return config.settings(data.checksums(config, run.conf()), blockMomentum);
    }

    /** Goes on from the run's checkpoint to its end. */
    private TestMetrics fromCheckpoint() throws IOException {
        String checkpointFile = run.file(RunDirectory.CHECKPOINT);
        ModelFile.Loaded checkpoint = ModelFile.load(checkpointFile, run.conf());
        if (!checkpoint.info().shape().equals(data.shape())) {
            throw new IllegalArgumentException(checkpointFile + ": the model takes " + checkpoint.info().shape()
                    + " but the training images are " + data.shape());
        }
        out.printf("resuming at step %d of %d from %s%n", checkpoint.info().steps(), steps, checkpointFile);
        return train(checkpoint.network(), MomentumBuffer.restore(blockMomentum, checkpoint.arrays(), checkpointFile),
                WeightAverage.restore(config.emaDecay(), checkpoint.arrays(), checkpointFile), checkpoint.info().steps());
    }

    /** A network to train: freshly initialised, or holding the parameters of {@code --init-model} with Adam's state fresh. */
    private MultiLayerNetwork newNetwork() {
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(data.shape(), hp,
                ParameterAveraging.updatesPerWorker(steps, workers, config.averagingFrequency())));
        network.init();
        String initModel = config.scans().initModel();
        if (initModel != null) {
            ModelFile.Loaded start = ModelFile.load(initModel, run.conf());
            if (!start.info().shape().equals(data.shape())) {
                throw new IllegalArgumentException(initModel + ": the model takes " + start.info().shape()
                        + " but the training images are " + data.shape());
            }
            if (start.network().numParams() != network.numParams()) {
                throw new IllegalArgumentException(String.format("%s: a network of %,d parameters, not this one's %,d",
                        initModel, start.network().numParams(), network.numParams()));
            }
            network.setParams(start.network().params());
            out.printf("starting from the parameters of %s (trained %,d steps on %s)%n", initModel, start.info().steps(),
                    start.info().trainedOn());
        }
        return network;
    }

    /**
     * Trains {@code network}, with its {@code momentum} buffer and weight {@code average}, from step {@code start} to the end, then
     * saves, evaluates and reports the average.
     */
    private TestMetrics train(MultiLayerNetwork network, MomentumBuffer momentum, WeightAverage average, long start) throws IOException {
        TrainingSet heldOut = data.heldOut();
        // One worker averages nothing: its parameters only go back to the driver.
        String rounds = workers == 1
                ? String.format("1 worker, its parameters back to the driver every %d steps", config.averagingFrequency())
                : String.format("%d workers averaging every %d steps", workers, config.averagingFrequency());
        out.printf("training on %d examples (%s) from %s, %d held out for calibration: %d steps of %d, %s%n",
                examples.count(), data.shape(), data.trainedOn(), heldOut.count(), steps, hp.batchSize(), rounds);
        out.println("augmentation: " + hp.augmentation().describe());
        if (data.idxTrain() != null) {
            out.println(config.upright() ? "IDX digits read upright (--upright): their slant removed, as from scans"
                    : "IDX digits read as they are (--no-upright)");
        }
        out.println("averaging: " + blockMomentum.describe());
        out.println(average.describe());
        NativeBackend.describeExecutors(sc).forEach(out::println);
        Fitted fitted = fit(network, momentum, average, start);
        average.applyTo(network);
        TemperatureFit calibration = TemperatureFit.of(network, heldOut);
        out.println(calibration.describe());
        double temperature = calibration.temperature();
        ModelFile.save(network, new ModelInfo(data.shape(), steps, data.trainedOn(), temperature, hp.labelSmoothing(), config.upright()), run.file(RunDirectory.MODEL), run.conf());
        LabeledImages test = data.test();
        TestMetrics metrics = test == null ? null : Evaluator.evaluate(sc, network, temperature, test, console);
        if (metrics != null) {
            MistakesFile.write(run.file(RunDirectory.MISTAKES), run.conf(), test.shape().rows(), test.shape().cols(), metrics.shownMistakes());
        }
        // Scans to test on beside the IDX test split are evaluated too, under a key of their own.
        TestMetrics scanMetrics = data.testScans() == null ? null
                : test == data.testScans().images() ? metrics : Evaluator.evaluate(sc, network, temperature, data.testScans().images(), console);
        long trained = steps - start;
        // A resumed run whose checkpoint is already its last step only evaluates.
        double imagesPerSecond = trained > 0 ? trained * hp.batchSize() / fitted.seconds() : 0;
        Map<String, Object> json = metricsJson(metrics, scanMetrics, start, fitted, imagesPerSecond);
        json.putAll(calibration.toJson());
        run.writeMetrics(json);
        out.printf("trained %d steps in %s (%.1f images/s)%n", trained, Progress.duration(Math.round(fitted.seconds())), imagesPerSecond);
        if (trained > 0) {
            fitted.traffic().ifPresent(traffic -> out.println(driverTraffic(traffic)));
        }
        if (metrics == null) {
            out.println(data.untested());
        } else {
            out.print(metrics.report());
        }
        if (scanMetrics != null && scanMetrics != metrics) {
            out.print("on " + data.testScans().source() + ": " + scanMetrics.report());
        }
        TrainingReport.write(run);
        out.println("wrote " + run.file(RunDirectory.MODEL) + ", metrics.json, train-log.csv and the report " + run.file(RunDirectory.REPORT));
        return metrics;
    }

    /** What the rounds took: their seconds, how many values were flushed to zero from the state, what the driver received. */
    private record Fitted(double seconds, long flushedToZero, Optional<ParameterAveraging.Traffic> traffic) {}

    /** Trains steps [start, steps) in rounds, telling the console when an executor is lost on the way. */
    private Fitted fit(MultiLayerNetwork network, MomentumBuffer momentum, WeightAverage average, long start) throws IOException {
        ExecutorLossLog lossLog = new ExecutorLossLog(out);
        sc.sc().addSparkListener(lossLog);
        try (Trainer trainer = trainer(network, momentum)) {
            out.println(trainer.describe());
            double seconds = rounds(trainer, network, average, start);
            return new Fitted(seconds, trainer.flushedToZero(), trainer.traffic());
        } finally {
            sc.sc().removeSparkListener(lossLog);
        }
    }

    private Trainer trainer(MultiLayerNetwork network, MomentumBuffer momentum) {
        Targets targets = new Targets(data.shape().classes(), hp.labelSmoothing());
        Augmenter augmenter = new Augmenter(hp.augmentation(), data.shape().rows(), data.shape().cols(), hp.seed());
        int frequency = config.averagingFrequency();
        return switch (config.engine()) {
            case MNIST_SPARK -> new ParameterAveraging(sc, network, examples, order, workers, frequency, momentum, targets, augmenter, hp.seed(),
                    steps, true);
            // The stock engine fits a report's worth of rounds a call: each call costs it an export, a count and a split.
            case DL4J -> new StockParameterAveraging(sc, network, examples, new Minibatches(order, targets, augmenter), workers, frequency,
                    hp.batchSize(), hp.seed(), (int) wholeRounds(config.logEvery(), workers * frequency));
        };
    }

    /**
     * Trains steps [start, steps) in rounds, taking each round's parameters into the weight {@code average}, reporting
     * progress and saving checkpoints between them; returns the seconds it took. A last round that would pass
     * {@code steps} is cut short to end there. A stop request ends the run after a round, with a checkpoint there if
     * the engine can resume from one; a resumed run keeps its checkpoint up to date to its end.
     */
    private double rounds(Trainer averaging, MultiLayerNetwork network, WeightAverage average, long start) throws IOException {
        int roundSteps = averaging.stepsPerRound();
        long reportEvery = wholeRounds(config.logEvery(), roundSteps);
        long checkpointEvery = config.checkpointEvery() > 0 ? wholeRounds(config.checkpointEvery(), roundSteps) : 0;
        String checkpoint = run.file(RunDirectory.CHECKPOINT);
        boolean resumable = config.engine() == Engine.MNIST_SPARK;
        try (ProgressLog log = start == 0
                ? ProgressLog.start(run, steps, reportEvery, hp.batchSize(), console)
                : ProgressLog.resume(run, start, steps, reportEvery, hp.batchSize(), console)) {
            for (long done = start; done < steps; ) {
                long end = Math.min(steps, done + roundSteps);
                double loss = averaging.round(done, end);
                average.update(network.params(), end - done, end);
                done = end;
                long reached = done;
                log.round(done, loss, () -> recentAccuracy(network, reached));
                boolean stopping = done < steps && stop.requested();
                boolean periodic = checkpointEvery > 0 && (done % checkpointEvery == 0 || done == steps);
                // A resumed run's checkpoint follows it to its end, where another --resume finds it finished.
                boolean resumedToTheEnd = start > 0 && done == steps;
                if (periodic || resumedToTheEnd || stopping && resumable) {
                    // The report first: whoever finds the checkpoint finds a report of the run up to it.
                    TrainingReport.write(run);
                    Map<String, INDArray> driverState = new LinkedHashMap<>(averaging.checkpointArrays());
                    driverState.putAll(average.checkpointArrays());
                    ModelFile.save(network, new ModelInfo(data.shape(), done, data.trainedOn(), 1.0, null, config.upright()), driverState, checkpoint, run.conf());
                    log.println(String.format("checkpoint at step %d: %s", done, checkpoint));
                }
                if (stopping) {
                    throw new TrainingStopped(String.format("stopped at step %d of %d: %s", done, steps, resumable
                            ? "continue with --resume " + config.output()
                            : "the dl4j engine keeps no checkpoint to continue from"));
                }
            }
            return log.elapsedSeconds();
        }
    }

    private Map<String, Object> metricsJson(TestMetrics metrics, TestMetrics scanMetrics, long start, Fitted fitted, double imagesPerSecond) {
        Map<String, Object> json = new LinkedHashMap<>(metrics == null ? Map.of() : metrics.toJson());
        if (metrics != null) {
            json.put("test_data", data.test().path());
        }
        json.putAll(data.toJson());
        if (scanMetrics != null) {
            Map<String, Object> testImages = new LinkedHashMap<>(scanMetrics.toJson());
            testImages.put("images", data.testScans().toJson());
            json.put("test_images", testImages);
        }
        json.put("images_weight", config.scans().imagesWeight());
        json.put("init_model", config.scans().initModel());
        json.put("steps", steps);
        json.put("examples", steps * hp.batchSize());
        json.put("resumed_at_step", start);
        json.put("seconds", fitted.seconds());
        json.put("images_per_second", imagesPerSecond);
        json.put("batch_size", hp.batchSize());
        json.put("learning_rate", hp.learningRate());
        json.put("learning_rate_decay", hp.decay().name().toLowerCase(Locale.ROOT));
        json.put("weight_init", hp.init().name().toLowerCase(Locale.ROOT));
        json.put("label_smoothing", hp.labelSmoothing());
        json.put("augmentation", hp.augmentation().describe());
        json.put("seed", hp.seed());
        json.put("engine", config.engine().label());
        json.put("workers", workers);
        json.put("averaging_frequency", config.averagingFrequency());
        json.put("block_momentum", blockMomentum.momentum());
        json.put("nesterov", blockMomentum.nesterov());
        json.put("ema_decay", config.emaDecay());
        json.put("flushed_to_zero", fitted.flushedToZero());
        json.put("driver_copies_per_round", fitted.traffic().map(ParameterAveraging.Traffic::copies).orElse(null));
        json.put("driver_bytes_per_round", fitted.traffic().map(ParameterAveraging.Traffic::bytes).orElse(null));
        return json;
    }

    private static String driverTraffic(ParameterAveraging.Traffic traffic) {
        return String.format("the driver received at most %d %s of the state a round (%.1f MB)", traffic.copies(),
                traffic.copies() == 1 ? "partial sum" : "partial sums", traffic.bytes() / 1e6);
    }

    /** {@code steps} rounded up to whole averaging rounds. */
    private static long wholeRounds(long steps, int roundSteps) {
        return Math.max(1, (steps + roundSteps - 1) / roundSteps) * roundSteps;
    }

    /** Accuracy on the most recent minibatches, with dropout off, as the seed measured it. */
    private double recentAccuracy(MultiLayerNetwork network, long done) {
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
