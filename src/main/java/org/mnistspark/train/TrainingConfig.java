package org.mnistspark.train;

import java.util.Map;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.run.RunSettings;
import org.mnistspark.run.ScanSettings;

/**
 * One training run, whose files go to the directory {@code output} on any file system Hadoop reaches.
 * {@code epochs}, when set, replaces {@code steps}. {@code workers} of 0 means Spark's default parallelism. Progress is reported about every {@code logEvery} steps and a
 * checkpoint saved about every {@code checkpointEvery} steps (0: never), both rounded up to whole
 * averaging rounds. {@code preset} names the recipe the hyper-parameters started from; {@code overwrite}
 * lets a new run replace one already in {@code output}. {@code dataDir} is null when the run trains on
 * {@code scans} alone. {@code engine} runs the parameter averaging. {@code blockMomentum} moves the averaged
 * parameters (see {@link BlockMomentum}); null for 1 − 1/workers, the number of workers being what
 * only the job knows; {@code nesterov} starts the workers from its look-ahead. {@code emaDecay} is the
 * per-step decay of the weight average the run saves as its model (see {@link WeightAverage}); 0: the last parameters.
 * {@code upright}: the IDX digits, training and test, are read upright, their slant removed as from scans.
 */
public record TrainingConfig(String dataDir, String output, String preset, long steps, Double epochs, Hyperparameters hyperparameters,
        int averagingFrequency, int workers, int logEvery, int checkpointEvery, boolean overwrite, ScanSettings scans,
        Engine engine, Double blockMomentum, boolean nesterov, double emaDecay, boolean upright) {
    /** Progress every this many steps unless asked otherwise: the seed printed its training accuracy every 100. */
    public static final int DEFAULT_LOG_EVERY = 100;

    /** The run in {@code runDir} as its settings file records it. */
    static TrainingConfig of(RunSettings settings, String runDir) {
        return new TrainingConfig(settings.data(), runDir, settings.presetName(), settings.steps(), settings.epochs(),
                settings.hyperparameters(), settings.averagingFrequency(), settings.workers(), settings.logEvery(),
                settings.checkpointEvery(), false, settings.scans(), settings.engine() == null ? Engine.MNIST_SPARK : Engine.of(settings.engine()),
                settings.blockMomentumAsTrained(), settings.nesterovAsTrained(), settings.emaDecayAsTrained(), settings.uprightAsTrained());
    }

    /** What the run's settings file keeps, with the checksums of the data files and the block momentum the job resolved. */
    RunSettings settings(Map<String, String> dataMd5, BlockMomentum resolved) {
        return RunSettings.of(dataDir, dataMd5, preset, steps, epochs, hyperparameters, averagingFrequency, workers, logEvery, checkpointEvery, scans,
                engine.label(), resolved.momentum(), resolved.nesterov(), emaDecay, upright);
    }
}
