package org.mnistspark.model;

import org.mnistspark.augment.Augmentation;

/**
 * What defines one training recipe. {@link #seedRecipe()} is "Deep MNIST for Experts" as published:
 * Adam at a constant 1e-4, minibatches of 50, dropout keeping half of fc1's activations, weights from
 * a truncated normal distribution of standard deviation 0.1, one-hot targets, training images as they are.
 */
public record Hyperparameters(double learningRate, int batchSize, double dropoutKeep, long seed, Decay decay, Init init,
        double labelSmoothing, Augmentation augmentation) {

    /** How Adam's learning rate changes over a run. */
    public enum Decay {
        /** The same learning rate throughout, as the seed trains. */
        NONE,
        /** From the learning rate down to zero in a straight line over the run's updates. */
        LINEAR
    }

    /** How the weights start. */
    public enum Init {
        /** Normal with standard deviation 0.1, truncated at two deviations, as the seed starts. */
        TRUNCATED_NORMAL,
        /** He et al.'s normal for ReLU layers, scaled to each layer's fan-in. */
        HE
    }

    public static Hyperparameters seedRecipe() {
        return new Hyperparameters(1e-4, 50, 0.5, 42, Decay.NONE, Init.TRUNCATED_NORMAL, 0, Augmentation.NONE);
    }

    public Hyperparameters withLearningRate(double lr) {
        return new Hyperparameters(lr, batchSize, dropoutKeep, seed, decay, init, labelSmoothing, augmentation);
    }

    public Hyperparameters withSeed(long newSeed) {
        return new Hyperparameters(learningRate, batchSize, dropoutKeep, newSeed, decay, init, labelSmoothing, augmentation);
    }

    public Hyperparameters withSchedule(Decay newDecay, Init newInit) {
        return new Hyperparameters(learningRate, batchSize, dropoutKeep, seed, newDecay, newInit, labelSmoothing, augmentation);
    }

    /** Training targets that give {@code smoothing} of their weight to all classes evenly, the rest to the label's; 0: one-hot. */
    public Hyperparameters withLabelSmoothing(double smoothing) {
        return new Hyperparameters(learningRate, batchSize, dropoutKeep, seed, decay, init, smoothing, augmentation);
    }

    /** Training images changed on the fly as {@code newAugmentation} says; {@link Augmentation#NONE}: as they are. */
    public Hyperparameters withAugmentation(Augmentation newAugmentation) {
        return new Hyperparameters(learningRate, batchSize, dropoutKeep, seed, decay, init, labelSmoothing, newAugmentation);
    }
}
