package org.mnistspark.model;

import org.mnistspark.augment.Augmentation;
import org.mnistspark.model.Hyperparameters.Decay;
import org.mnistspark.model.Hyperparameters.Init;

/** Named training recipes for the same network; options given on the command line override their values. */
public enum Preset {
    /** The article's recipe exactly. */
    SEED(20_000, 1e-4, 5, Decay.NONE, Init.TRUNCATED_NORMAL, 0, Augmentation.NONE),
    /**
     * The best model in about ten minutes on two cores: a higher learning rate decaying to zero, He
     * initialisation, targets smoothed by 0.1.
     */
    FAST(8_000, 1.5e-3, 10, Decay.LINEAR, Init.HE, 0.1, Augmentation.NONE),
    /**
     * {@code fast}'s recipe on training images changed on the fly ({@link Augmentation#DEFAULT}), for
     * digits that do not look like MNIST's, with the extra steps the harder images need to keep MNIST's
     * own accuracy: about fifteen minutes on two cores.
     */
    ROBUST(12_000, 1.5e-3, 10, Decay.LINEAR, Init.HE, 0.1, Augmentation.DEFAULT);

    private final long steps;
    private final double learningRate;
    private final int averagingFrequency;
    private final Decay decay;
    private final Init init;
    private final double labelSmoothing;
    private final Augmentation augmentation;

    Preset(long steps, double learningRate, int averagingFrequency, Decay decay, Init init, double labelSmoothing,
            Augmentation augmentation) {
        this.steps = steps;
        this.learningRate = learningRate;
        this.averagingFrequency = averagingFrequency;
        this.decay = decay;
        this.init = init;
        this.labelSmoothing = labelSmoothing;
        this.augmentation = augmentation;
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

    public double labelSmoothing() {
        return labelSmoothing;
    }

    public Augmentation augmentation() {
        return augmentation;
    }

    /** The seed recipe with this preset's learning rate, schedule, initialisation, targets and augmentation. */
    public Hyperparameters hyperparameters() {
        return Hyperparameters.seedRecipe().withLearningRate(learningRate).withSchedule(decay, init).withLabelSmoothing(labelSmoothing)
                .withAugmentation(augmentation);
    }
}
