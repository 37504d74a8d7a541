package org.mnistspark.train;

import org.mnistspark.model.Hyperparameters;

/**
 * One training run, whose files go to the directory {@code output} on any file system Hadoop reaches.
 * {@code epochs}, when set, replaces {@code steps}. {@code workers} of 0 means Spark's default parallelism. Progress is reported about every {@code logEvery} steps and a
 * checkpoint saved about every {@code checkpointEvery} steps (0: never), both rounded up to whole
 * averaging rounds. {@code preset} names the recipe the hyper-parameters started from; {@code overwrite}
 * lets a new run replace one already in {@code output}.
 */
public record TrainingConfig(String dataDir, String output, String preset, long steps, Double epochs, Hyperparameters hyperparameters,
        int averagingFrequency, int workers, int logEvery, int checkpointEvery, boolean overwrite) {}
