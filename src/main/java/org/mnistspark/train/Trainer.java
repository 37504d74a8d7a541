package org.mnistspark.train;

import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Trains a run's network over ranges of steps; between two calls the job reports progress and saves checkpoints. */
interface Trainer extends AutoCloseable {
    /** One line for the log: which engine trains, and how. */
    String describe();

    /** Steps one call of {@link #round} trains, the last call of a run excepted. */
    int stepsPerRound();

    /** Trains steps [first, end) and returns their loss to report. */
    double round(long first, long end);

    /** How many values have been set to zero so far: subnormals, and Adam's state too small to matter (see {@link org.mnistspark.model.Subnormals}). */
    long flushedToZero();

    /** What a checkpoint keeps beside the network for the run to go on exactly: the engine's own state on the driver, by name. */
    Map<String, INDArray> checkpointArrays();

    /** What the driver received in the round that brought it most, where the engine counts it. */
    Optional<ParameterAveraging.Traffic> traffic();

    @Override
    void close();
}
