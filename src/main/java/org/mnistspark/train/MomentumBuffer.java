package org.mnistspark.train;

import java.util.Map;
import org.mnistspark.model.Subnormals;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The driver's side of {@link BlockMomentum}: the buffer Δ, and the move of the global parameters it
 * makes after each round. The network on the driver holds the global parameters w: they are the model
 * that is evaluated, saved and checkpointed, with or without Nesterov's look-ahead. With it, w comes out
 * of each round as the workers' mean (s + (w̄ − s) = w̄, s = w + momentum·Δ), the point their training
 * reached, while the look-ahead s is an extrapolation no worker has trained from yet, only where the
 * next round starts. The look-ahead is derived afresh from w and Δ each round, so a checkpoint of the two
 * restarts a round exactly. Plain averaging keeps no buffer.
 */
final class MomentumBuffer {
    /** Its name beside the network in a checkpoint. */
    private static final String ENTRY = "block-momentum-buffer";

    private final BlockMomentum setting;
    /** Null in plain averaging. */
    private final INDArray delta;

    private MomentumBuffer(BlockMomentum setting, INDArray delta) {
        this.setting = setting;
        this.delta = delta;
    }

    /** A run's buffer at its start: zero, for {@code parameters} values. */
    static MomentumBuffer startingAtZero(BlockMomentum setting, long parameters) {
        return new MomentumBuffer(setting, setting.plain() ? null : Nd4j.zeros(DataType.FLOAT, 1, parameters));
    }

    /** The buffer a checkpoint saved, by {@link #ENTRY} among {@code saved}, the arrays beside its network. */
    static MomentumBuffer restore(BlockMomentum setting, Map<String, INDArray> saved, String checkpoint) {
        if (setting.plain()) {
            return new MomentumBuffer(setting, null);
        }
        INDArray delta = saved.get(ENTRY);
        if (delta == null) {
            throw new IllegalArgumentException(checkpoint + ": holds no block momentum buffer, which the run's block momentum of "
                    + setting.momentum() + " needs to go on");
        }
        return new MomentumBuffer(setting, delta);
    }

    /** Where the round's workers start from the global parameters: them, or with Nesterov's look-ahead, a new array. */
    INDArray start(INDArray global) {
        return setting.nesterov() && delta != null ? delta.mul(setting.momentum()).addi(global) : global;
    }

    /**
     * Moves {@code global} after a round whose workers started at {@code start} (as {@link #start} gave it)
     * and ended with the parameters {@code mean} on average, which this overwrites. The workers' move is
     * taken from where they started: taken from w under Nesterov's look-ahead, it would count momentum·Δ
     * twice, and Δ would grow without bound from momentum 0.5 on.
     */
    void move(INDArray global, INDArray start, INDArray mean) {
        if (delta == null) {
            global.assign(mean);
            return;
        }
        delta.muli(setting.momentum()).addi(mean.subi(start));
        global.addi(delta);
    }

    /**
     * Sets its subnormal values to zero; returns how many there were. The buffer of a parameter whose
     * gradient has stopped shrinks by the momentum every round, down through the subnormal range, where
     * every operation of the driver's update on it costs an Intel core a microcode assist. Flushed as
     * the parameters are, the update costs the same in every round and checkpoints hold none; zero in
     * their place changes a parameter's move by less than 1.2e-38.
     */
    long flushSubnormals() {
        return delta == null ? 0 : Subnormals.flush(delta);
    }

    /** What a checkpoint keeps beside the network to go on exactly: the buffer, none in plain averaging. */
    Map<String, INDArray> checkpointArrays() {
        return delta == null ? Map.of() : Map.of(ENTRY, delta);
    }
}
