package org.mnistspark.cli;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.Preset;
import org.mnistspark.run.ScanSettings;
import org.mnistspark.train.Engine;
import org.mnistspark.train.Recipe;
import org.mnistspark.train.StopRequest;
import org.mnistspark.train.TrainingConfig;
import org.mnistspark.train.TrainingJob;
import org.mnistspark.train.TrainingStopped;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Train the CNN on an IDX data set, labelled scans or both with Spark, from scratch or from a model;"
                + " write model.zip, metrics.json and train-log.csv, or continue a checkpointed run with --resume.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:MNIST_DIR:-data/mnist}",
            description = "Directory with train-/t10k- images and labels in IDX format, .gz or raw (env MNIST_DIR);"
                    + " with --images, read only if given.")
    String data;

    @Option(names = "--output", paramLabel = "RUN_DIR",
            description = "Where to write the run's files, on any Hadoop file system (required unless --resume).")
    String output;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue the run in RUN_DIR from its last checkpoint, with the settings it was started with.")
    String resume;

    @Option(names = "--preset", defaultValue = "seed", paramLabel = "seed|fast|robust", converter = PresetConverter.class,
            description = "seed: the article's recipe exactly (20000 steps, Adam at 1e-4; averaging every 10). fast: 15000 steps,"
                    + " Adam from 1.5e-3 decaying linearly to 0, He initialisation, targets smoothed by 0.1, averaging every 10,"
                    + " training images augmented (--augment default and proportion=0.25). robust: fast for 20000 steps, for scans."
                    + " Options below override it.")
    Preset preset;

    @Mixin
    LabeledScansOption scans;

    @Option(names = "--images-weight", paramLabel = "W",
            description = "With --data and --images: the share of each minibatch drawn from the scans, 0 < W < 1 (default: "
                    + Recipe.IMAGES_WEIGHT + "; with --init-model " + Recipe.FINE_TUNING_IMAGES_WEIGHT + ").")
    Double imagesWeight;

    @Option(names = "--test-images", paramLabel = "DIR",
            description = "Labelled scans (a folder per digit or a CSV) to evaluate on too, into metrics.json's test_images.")
    String testImages;

    @Option(names = "--init-model", paramLabel = "FILE",
            description = "Start from this model.zip's parameters (fine-tuning), Adam's state fresh; --steps then defaults to "
                    + Recipe.FINE_TUNING_STEPS + " and --lr to " + Recipe.FINE_TUNING_LR + ", decaying linearly to 0, --images-weight to "
                    + Recipe.FINE_TUNING_IMAGES_WEIGHT + ", --augment to default and"
                    + " --label-smoothing to the model's.")
    String initModel;

    @Option(names = "--steps", description = "Minibatches to train on, all workers together (default: the preset's).")
    Long steps;

    @Option(names = "--epochs", description = "Passes over the training set, instead of --steps.")
    Double epochs;

    @Option(names = "--lr", description = "Adam's learning rate (default: the preset's).")
    Double learningRate;

    @Option(names = "--label-smoothing", paramLabel = "S",
            description = "Share of each training target spread evenly over all classes; 0: one-hot (default: the preset's; with --init-model the model's).")
    Double labelSmoothing;

    @Option(names = "--augment", paramLabel = "SPEC",
            description = "Change each training image on the fly: none, default (affine 0.5, pen 0.3, elastic 0.3, blur 0.2,"
                    + " noise 0.2), or a list of affine, proportion, pen, elastic, blur, noise, each at its default strength and"
                    + " probability (proportion 0.5) or =PROBABILITY, e.g. affine,elastic=0.5 (default: the preset's, fast: default and"
                    + " proportion=0.25, robust: the same, seed: none; with --init-model: default).")
    String augment;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for initial weights, shuffling, dropout and augmentation.")
    long seed;

    @Option(names = "--averaging-frequency", description = "Steps each worker takes between parameter averages (default: the preset's).")
    Integer averagingFrequency;

    @Option(names = "--workers", defaultValue = "0", description = "Parallel workers; 0 means Spark's default parallelism.")
    int workers;

    @Option(names = "--engine", paramLabel = "mnist-spark|dl4j", defaultValue = "mnist-spark", converter = EngineConverter.class,
            description = "What runs the parameter averaging: mnist-spark, the project's own rounds; dl4j, Deeplearning4j's stock"
                    + " ParameterAveragingTrainingMaster and SparkDl4jMultiLayer, for comparison (no --checkpoint-every).")
    Engine engine;

    @Option(names = "--block-momentum", paramLabel = "M",
            description = "After each round, move the parameters by the workers' mean move plus M times the last round's move,"
                    + " 0 <= M < 1 (block momentum); 0: plain averaging (default: with --preset seed, 1 - 1/workers, so 0.5 on two workers"
                    + " and 0 on one; 0 with --preset fast or robust, --init-model or --engine dl4j).")
    Double blockMomentum;

    @Option(names = "--nesterov",
            description = "With block momentum, start each round's workers from where the momentum is taking the parameters (Nesterov's look-ahead).")
    boolean nesterov;

    @Option(names = "--ema-decay", paramLabel = "D",
            description = "Save as the model the exponential moving average of the parameters, decaying by D a step, 0 <= D < 1;"
                    + " 0: the last parameters (default: the preset's, seed: 0.9995, fast and robust: 0; 0 with --init-model).")
    Double emaDecay;

    @Option(names = "--upright", negatable = true, paramLabel = "",
            description = "Read the IDX digits, training and test, upright: their slant removed as --preprocess mnist removes"
                    + " scans', so that the model learns and reads both alike; --no-upright reads them as they are (default: the"
                    + " preset's, fast and robust: upright, seed: as they are; with --init-model the model's).")
    Boolean upright;

    @Option(names = "--log-every", defaultValue = "" + TrainingConfig.DEFAULT_LOG_EVERY, description = "Report progress about every this many steps.")
    int logEvery;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
            description = "Save the model, Adam's state, the block momentum buffer, the weight average and the step to RUN_DIR/checkpoint.zip about every N steps; 0: never.")
    int checkpointEvery;

    @Mixin
    OutputModeOption outputMode;

    @Mixin
    SparkOptions spark;

    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (resume != null) {
            requireNoRunSettings();
            return stoppable(stop -> TrainingJob.resume(spark.session("train"), resume, main.console(spec.commandLine().getOut()), stop));
        }
        if (output == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--output=RUN_DIR'");
        }
        OptionChecks checks = new OptionChecks(spec);
        checks.require(steps == null || epochs == null, "give --steps or --epochs, not both");
        String images = scans.source(checks);
        // --data has a default; with scans, only a --data the user gave mixes MNIST in.
        String dataDir = images == null || spec.commandLine().getParseResult().hasMatchedOption("--data") ? data : null;
        checks.require(imagesWeight == null || images != null && dataDir != null, "--images-weight needs both --data and --images");
        checks.require(imagesWeight == null || imagesWeight > 0 && imagesWeight < 1, "--images-weight must be above 0 and below 1, not " + imagesWeight);
        Recipe recipe = new Recipe(preset, initModel);
        Double weight = images != null && dataDir != null ? recipe.imagesWeight(imagesWeight) : null;
        long trainSteps = recipe.steps(steps);
        double lr = recipe.learningRate(learningRate);
        int frequency = recipe.averagingFrequency(averagingFrequency);
        double smoothing = recipe.labelSmoothing(labelSmoothing, () -> spark.session("train").sparkContext().hadoopConfiguration());
        checks.atLeastOne("--steps", trainSteps);
        checks.atLeastOne("--averaging-frequency", frequency);
        checks.atLeastOne("--log-every", logEvery);
        checks.require(epochs == null || epochs > 0, "--epochs must be positive, not " + epochs);
        checks.require(lr > 0, "--lr must be positive, not " + lr);
        checks.require(smoothing >= 0 && smoothing < 1, "--label-smoothing must be at least 0 and below 1, not " + smoothing);
        checks.require(checkpointEvery >= 0, "--checkpoint-every must be 0 (never) or more, not " + checkpointEvery);
        checks.require(checkpointEvery == 0 || engine == Engine.MNIST_SPARK, "--checkpoint-every needs --engine mnist-spark: the dl4j"
                + " engine's training master deals minibatches to workers with a random generator that no checkpoint holds, so a run cannot resume");
        checks.require(workers >= 0, "--workers must be 0 (automatic) or more, not " + workers);
        checks.require(blockMomentum == null || blockMomentum >= 0 && blockMomentum < 1,
                "--block-momentum must be at least 0 and below 1, not " + blockMomentum);
        checks.require(engine == Engine.MNIST_SPARK || !nesterov && (blockMomentum == null || blockMomentum == 0), (nesterov ? "--nesterov"
                : "--block-momentum") + " needs --engine mnist-spark: the dl4j engine's training master averages the parameters plainly");
        checks.require(emaDecay == null || emaDecay >= 0 && emaDecay < 1, "--ema-decay must be at least 0 and below 1, not " + emaDecay);
        Hyperparameters hp = recipe.hyperparameters(lr, seed, smoothing, recipe.augmentation(augmentation()));
        ScanSettings scanSettings = new ScanSettings(images, weight, testImages, initModel,
                images != null || testImages != null ? scans.preprocessing.mode : null);
        Double momentum = recipe.blockMomentum(blockMomentum, engine);
        TrainingConfig config = new TrainingConfig(dataDir, output, preset.name().toLowerCase(Locale.ROOT), trainSteps, epochs, hp,
                frequency, workers, logEvery, checkpointEvery, outputMode.overwrite(), scanSettings, engine, momentum, nesterov,
                recipe.emaDecay(emaDecay), recipe.upright(upright, () -> spark.session("train").sparkContext().hadoopConfiguration()));
        return stoppable(stop -> TrainingJob.run(spark.session("train"), config, main.console(spec.commandLine().getOut()), stop));
    }

    /** A run to the end, or to the end of the round in flight at the first Ctrl-C or SIGTERM (a second one ends the JVM at once). */
    private interface Training {
        void run(StopRequest stop) throws IOException;
    }

    /** Runs {@code training} and gives the exit code: 0, or a signal's when it stopped the run. */
    private int stoppable(Training training) throws IOException {
        try (StopSignals signals = StopSignals.install()) {
            try {
                training.run(signals::isRequested);
                return 0;
            } catch (TrainingStopped stopped) {
                spec.commandLine().getOut().println(stopped.getMessage());
                return signals.exitCode();
            }
        }
    }

    /** The augmentation given, or null for the recipe's. */
    private Augmentation augmentation() {
        if (augment == null) {
            return null;
        }
        try {
            return Augmentation.parse(augment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A resumed run keeps the settings it was started with; only Spark options may change. */
    private void requireNoRunSettings() {
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!option.longestName().equals("--resume") && !option.longestName().equals("--master")
                    && !option.longestName().equals("--conf")) {
                throw new ParameterException(spec.commandLine(),
                        "--resume continues the run with its own settings; drop " + option.longestName());
            }
        }
    }
}
