package org.mnistspark.model;

/**
 * What defines one training recipe. {@link #seedRecipe()} is "Deep MNIST for Experts" as published:
 * Adam at 1e-4, minibatches of 50, dropout keeping half of fc1's activations.
 */
public record Hyperparameters(double learningRate, int batchSize, double dropoutKeep, long seed) {
    public static Hyperparameters seedRecipe() {
        return new Hyperparameters(1e-4, 50, 0.5, 42);
    }

    public Hyperparameters withLearningRate(double lr) {
        return new Hyperparameters(lr, batchSize, dropoutKeep, seed);
    }

    public Hyperparameters withSeed(long newSeed) {
        return new Hyperparameters(learningRate, batchSize, dropoutKeep, newSeed);
    }
}
