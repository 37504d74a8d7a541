package org.mnistspark.train;

import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistspark.model.Subnormals;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An exponential moving average of the global parameters, kept by the driver after every round (Polyak
 * averaging, as TensorFlow's {@code ExponentialMovingAverage} keeps it): the model saved at the end of a
 * run holds the average, not the last round's parameters. At a constant learning rate the parameters
 * go on moving about the minimum with each minibatch's noise; their average lies nearer it. The decay
 * is per step, applied as decay^k after a round of k steps, so it means the same whatever the workers
 * and averaging frequency; early in a run it is at most (1 + t) / (10 + t) after step t, so the average
 * follows a young network instead of holding on to its random start. Training goes on from the
 * parameters, never from the average, so a checkpoint keeps the average beside the network to resume
 * exactly. A decay of 0 keeps no average.
 */
final class WeightAverage {
    /** Its name beside the network in a checkpoint. */
    private static final String ENTRY = "weight-average";

    private final double decay;
    /** Null without an average. */
    private final INDArray average;

    private WeightAverage(double decay, INDArray average) {
        this.decay = decay;
        this.average = average;
    }

    /** A run's average at its start: the parameters themselves. */
    static WeightAverage startingAt(double decay, INDArray parameters) {
        return new WeightAverage(decay, decay == 0 ? null : parameters.dup());
    }

    /** The average a checkpoint saved, by {@link #ENTRY} among {@code saved}, the arrays beside its network. */
    static WeightAverage restore(double decay, Map<String, INDArray> saved, String checkpoint) {
        if (decay == 0) {
            return new WeightAverage(decay, null);
        }
        INDArray average = saved.get(ENTRY);
        if (average == null) {
            throw new IllegalArgumentException(checkpoint + ": holds no weight average, which the run's --ema-decay of " + decay
                    + " needs to go on");
        }
        return new WeightAverage(decay, average);
    }

    /** Takes in {@code parameters} after a round of {@code roundSteps} steps that ended at step {@code reached}. */
    void update(INDArray parameters, long roundSteps, long reached) {
        if (average == null) {
            return;
        }
        double kept = Math.pow(Math.min(decay, (1.0 + reached) / (10.0 + reached)), roundSteps);
        // In place: a copy of the parameters a round would be 13 MB of native memory to allocate and free.
        Nd4j.getBlasWrapper().level1().axpy(average.length(), 1 - kept, parameters, average.muli(kept));
        // As the parameters are: a subnormal average would cost an Intel core a microcode assist a value every round.
        Subnormals.flush(average);
    }

    /** Gives {@code network} the averaged parameters, to save and evaluate; without an average it keeps its own. */
    void applyTo(MultiLayerNetwork network) {
        if (average != null) {
            network.params().assign(average);
        }
    }

    /** What a checkpoint keeps beside the network to go on exactly: the average, none without one. */
    Map<String, INDArray> checkpointArrays() {
        return average == null ? Map.of() : Map.of(ENTRY, average);
    }

    /** One line for the log. */
    String describe() {
        if (average == null) {
            return "weights: the last round's parameters are the model";
        }
        return String.format("weights: the model is the parameters' exponential moving average, decay %s a step (about the last %,d steps)",
                decay, Math.round(1 / (1 - decay)));
    }
}
