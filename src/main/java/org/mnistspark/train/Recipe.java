package org.mnistspark.train;

import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.Preset;

/**
 * How a run's settings follow from its preset and from what the caller gave: a value given wins; else a
 * run that starts from a model's parameters ({@code initModel}, fine-tuning) takes the fine-tuning
 * defaults; else the preset's. The one rule behind {@code train}'s options and {@code DigitClassifier}'s
 * params; {@code initModel} is null for a run from scratch.
 */
public record Recipe(Preset preset, String initModel) {
    /**
     * Fine-tuning's: two thousand steps from 1e-3 down to 0, on augmented images, a quarter of each minibatch
     * from the scans, learn a writer's hand from a few hundred scans and keep MNIST within 0.1 point (measured
     * in the README: at half of each minibatch, or in fewer steps, a hand whose digits look like other MNIST
     * digits costs MNIST more).
     */
    public static final long FINE_TUNING_STEPS = 2000;
    public static final double FINE_TUNING_LR = 1e-3;
    public static final double FINE_TUNING_IMAGES_WEIGHT = 0.25;
    /** Training from scratch on scans and IDX data together draws half of each minibatch from each. */
    public static final double IMAGES_WEIGHT = 0.5;

    public long steps(Long given) {
        return given != null ? given : initModel != null ? FINE_TUNING_STEPS : preset.steps();
    }

    public double learningRate(Double given) {
        return given != null ? given : initModel != null ? FINE_TUNING_LR : preset.learningRate();
    }

    /** The share of each minibatch drawn from the scans, when IDX data is mixed in. */
    public double imagesWeight(Double given) {
        return given != null ? given : initModel != null ? FINE_TUNING_IMAGES_WEIGHT : IMAGES_WEIGHT;
    }

    public int averagingFrequency(Integer given) {
        return given != null ? given : preset.averagingFrequency();
    }

    /**
     * Fine-tuning keeps the targets the model learnt from: moving a model trained on smoothed targets to
     * one-hot ones costs MNIST accuracy (see the README). A model file that does not say falls back to the
     * preset. {@code conf} reads the model file; it is asked for only then.
     */
    public double labelSmoothing(Double given, Supplier<Configuration> conf) {
        if (given != null) {
            return given;
        }
        Double recorded = initModel == null ? null : ModelFile.info(initModel, conf.get()).labelSmoothing();
        return recorded != null ? recorded : preset.labelSmoothing();
    }

    /**
     * Whether IDX digits are read upright: as given; else as the starting model read them, since its
     * parameters learnt them so; else the preset's. {@code conf} reads the model file; it is asked for only then.
     */
    public boolean upright(Boolean given, Supplier<Configuration> conf) {
        if (given != null) {
            return given;
        }
        return initModel == null ? preset.upright() : ModelFile.info(initModel, conf.get()).upright();
    }

    /** A few hundred scans go further seen a little differently each time: fine-tuning augments by default. */
    public Augmentation augmentation(Augmentation given) {
        return given != null ? given : initModel != null ? Augmentation.DEFAULT : preset.augmentation();
    }

    /** The preset's recipe with these values; fine-tuning ends at a rate of zero, its last steps settling the parameters instead of moving them about. */
    public Hyperparameters hyperparameters(double learningRate, long seed, double labelSmoothing, Augmentation augmentation) {
        Hyperparameters hp = preset.hyperparameters().withLearningRate(learningRate).withSeed(seed).withLabelSmoothing(labelSmoothing)
                .withAugmentation(augmentation);
        return initModel == null ? hp : hp.withSchedule(Hyperparameters.Decay.LINEAR, hp.init());
    }

    /**
     * The block momentum: the given one; else null, 1 − 1/workers as the job resolves it, where the preset
     * moves with it; else 0: fine-tuning's rate was measured with plain averaging, and Deeplearning4j's
     * training master averages plainly.
     */
    public Double blockMomentum(Double given, Engine engine) {
        return given != null ? given : preset.blockMomentum() && initModel == null && engine == Engine.MNIST_SPARK ? null : 0.0;
    }

    /** The weight average's decay: the given one; else the preset's, but none in fine-tuning, whose rate decays to zero. */
    public double emaDecay(Double given) {
        return given != null ? given : initModel == null ? preset.emaDecay() : 0;
    }
}
