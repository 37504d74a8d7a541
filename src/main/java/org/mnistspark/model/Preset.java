package org.mnistspark.model;

import org.mnistspark.model.Hyperparameters.Decay;
import org.mnistspark.model.Hyperparameters.Init;

/** Named training recipes for the same network; options given on the command line override their values. */
public enum Preset {
    /** The article's recipe exactly. */
    SEED(20_000, 1e-4, 5, Decay.NONE, Init.TRUNCATED_NORMAL),
    /** The best model in about ten minutes on two cores: a higher learning rate decaying to zero, He initialisation. */
    FAST(5_000, 2e-3, 10, Decay.LINEAR, Init.HE);

    private final long steps;
    private final double learningRate;
    private final int averagingFrequency;
    private final Decay decay;
    private final Init init;

    Preset(long steps, double learningRate, int averagingFrequency, Decay decay, Init init) {
        this.steps = steps;
        this.learningRate = learningRate;
        this.averagingFrequency = averagingFrequency;
        this.decay = decay;
        this.init = init;
    }

    public long steps() {
        return steps;
    }

    public double learningRate() {
        return learningRate;
    }

    public int averagingFrequency() {
        return averagingFrequency;
    }

    /** The seed recipe with this preset's learning rate, schedule and initialisation. */
    public Hyperparameters hyperparameters() {
        return Hyperparameters.seedRecipe().withLearningRate(learningRate).withSchedule(decay, init);
    }
}
