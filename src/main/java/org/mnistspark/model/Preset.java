package org.mnistspark.model;

import org.mnistspark.augment.Augmentation;
import org.mnistspark.model.Hyperparameters.Decay;
import org.mnistspark.model.Hyperparameters.Init;

/** Named training recipes for the same network; options given on the command line override their values. */
public enum Preset {
    /**
     * The article's recipe exactly, with block momentum on the averaged parameters: at its small, constant
     * learning rate, plain averaging loses accuracy to sequential training (see the README). Averaging every 10
     * steps reads MNIST as well as every 5 (99.30% against 99.28%) and trains about 8% faster. Its model is the
     * parameters' moving average over about the last 2,000 steps, where the constant rate leaves them
     * wandering about the minimum: 0.08 point of test accuracy over the last parameters.
     */
    SEED(20_000, 1e-4, 10, Decay.NONE, Init.TRUNCATED_NORMAL, 0, Augmentation.NONE, true, 0.9995, false),
    /**
     * The best model in about ten minutes on two cores: a higher learning rate decaying to zero, He
     * initialisation, targets smoothed by 0.1, training images changed on the fly ({@link Augmentation#DEFAULT}):
     * at 15,000 steps the changed images read MNIST's own test digits better than 14,000 steps of
     * unchanged ones (99.56% against 99.44%), besides the scans. Plain averaging, with which its learning
     * rate was tuned (block momentum cost it 0.07 point). MNIST's digits are read upright, as scans are
     * ({@code --upright}): real other writers' digits are read better (97.61% against 96.94%), MNIST's own
     * about as well (99.53% against 99.56%). The proportion change on a quarter of the images reads
     * generated other hands better (96.96% against 96.58%) and the real ones as well as without it; on half
     * of them the real ones lose a point.
     */
    FAST(15_000, 1.5e-3, 10, Decay.LINEAR, Init.HE, 0.1, Augmentation.SCANS, false, 0, true),
    /**
     * The recipe for digits that do not look like MNIST's: {@code fast}'s, for 20,000 steps instead of
     * 15,000. It reads other hands, real and generated, better, and pens, forms and MNIST's own digits as
     * well (see the README), in a third more time: past ten minutes on two cores.
     */
    ROBUST(20_000, 1.5e-3, 10, Decay.LINEAR, Init.HE, 0.1, Augmentation.SCANS, false, 0, true);

    private final long steps;
    private final double learningRate;
    private final int averagingFrequency;
    private final Decay decay;
    private final Init init;
    private final double labelSmoothing;
    private final Augmentation augmentation;
    private final boolean blockMomentum;
    private final double emaDecay;
    private final boolean upright;

    Preset(long steps, double learningRate, int averagingFrequency, Decay decay, Init init, double labelSmoothing,
            Augmentation augmentation, boolean blockMomentum, double emaDecay, boolean upright) {
        this.steps = steps;
        this.learningRate = learningRate;
        this.averagingFrequency = averagingFrequency;
        this.decay = decay;
        this.init = init;
        this.labelSmoothing = labelSmoothing;
        this.augmentation = augmentation;
        this.blockMomentum = blockMomentum;
        this.emaDecay = emaDecay;
        this.upright = upright;
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

    /** Whether the recipe moves the averaged parameters with block momentum (1 − 1/workers), or averages plainly. */
    public boolean blockMomentum() {
        return blockMomentum;
    }

    /** The per-step decay of the weight average the recipe saves as its model; 0: its last parameters. */
    public double emaDecay() {
        return emaDecay;
    }

    /** Whether the recipe reads an IDX data set's digits upright, their slant removed as from scans. */
    public boolean upright() {
        return upright;
    }

    /** The seed recipe with this preset's learning rate, schedule, initialisation, targets and augmentation. */
    public Hyperparameters hyperparameters() {
        return Hyperparameters.seedRecipe().withLearningRate(learningRate).withSchedule(decay, init).withLabelSmoothing(labelSmoothing)
                .withAugmentation(augmentation);
    }
}
