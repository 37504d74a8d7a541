package org.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.ModelInfo;
import org.mnistspark.model.Preset;

/** What a run's unset settings become: the preset's, or fine-tuning's from a starting model; what is given always wins. */
class RecipeTest {
    private static final String NO_MODEL_FILE_READ = "no model file is read without a starting model";

    @Test
    void unsetSettingsAreThePresets() {
        Recipe fast = new Recipe(Preset.FAST, null);

        assertEquals(Preset.FAST.steps(), fast.steps(null));
        assertEquals(Preset.FAST.learningRate(), fast.learningRate(null));
        assertEquals(Preset.FAST.averagingFrequency(), fast.averagingFrequency(null));
        assertEquals(0.5, fast.imagesWeight(null), "half scans, half IDX data");
        assertEquals(0.1, fast.labelSmoothing(null, () -> {
            throw new AssertionError(NO_MODEL_FILE_READ);
        }));
        Augmentation fastAugmentation = Preset.FAST.hyperparameters().augmentation();
        assertEquals(fastAugmentation, fast.augmentation(null));
        assertEquals(Preset.FAST.hyperparameters().withSeed(7), fast.hyperparameters(1.5e-3, 7, 0.1, fastAugmentation));
        assertEquals(0.0, fast.blockMomentum(null, Engine.MNIST_SPARK), "fast averages plainly");
        assertTrue(fast.upright(null, () -> {
            throw new AssertionError(NO_MODEL_FILE_READ);
        }), "fast reads MNIST's digits upright");
        assertFalse(new Recipe(Preset.SEED, null).upright(null, Configuration::new), "the seed reads the article's digits as they are");
        assertNull(new Recipe(Preset.SEED, null).blockMomentum(null, Engine.MNIST_SPARK), "the job's 1 - 1/workers");
        assertEquals(0.0, new Recipe(Preset.SEED, null).blockMomentum(null, Engine.DL4J));
    }

    @Test
    void givenSettingsWin() {
        Recipe seed = new Recipe(Preset.SEED, "model.zip");

        assertEquals(300, seed.steps(300L));
        assertEquals(1e-3, seed.learningRate(1e-3));
        assertEquals(2, seed.averagingFrequency(2));
        assertEquals(0.4, seed.imagesWeight(0.4));
        assertEquals(0.2, seed.labelSmoothing(0.2, () -> {
            throw new AssertionError(NO_MODEL_FILE_READ);
        }));
        assertEquals(Augmentation.NONE, seed.augmentation(Augmentation.NONE));
        assertEquals(0.5, seed.blockMomentum(0.5, Engine.MNIST_SPARK));
        assertTrue(seed.upright(true, () -> {
            throw new AssertionError(NO_MODEL_FILE_READ);
        }));
    }

    @Test
    void aStartingModelTakesFineTuningsDefaultsAndItsOwnLabelSmoothing(@TempDir Path dir) throws Exception {
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(InputShape.MNIST, Preset.SEED.hyperparameters(), 1));
        network.init();
        String smoothed = dir.resolve("model.zip").toString();
        ModelFile.save(network, new ModelInfo(InputShape.MNIST, 1, "none", 1.0, 0.05, true), smoothed, new Configuration());
        Recipe tuning = new Recipe(Preset.SEED, smoothed);

        assertEquals(Recipe.FINE_TUNING_STEPS, tuning.steps(null));
        assertEquals(Recipe.FINE_TUNING_LR, tuning.learningRate(null));
        assertEquals(Preset.SEED.averagingFrequency(), tuning.averagingFrequency(null));
        assertEquals(0.25, tuning.imagesWeight(null), "MNIST kept in three quarters of each minibatch");
        assertEquals(0.05, tuning.labelSmoothing(null, Configuration::new));
        assertEquals(Augmentation.DEFAULT, tuning.augmentation(null));
        assertEquals(Hyperparameters.Decay.LINEAR, tuning.hyperparameters(1e-3, 42, 0.05, Augmentation.DEFAULT).decay(), "down to zero");
        assertEquals(0.0, tuning.blockMomentum(null, Engine.MNIST_SPARK), "measured with plain averaging");
        assertTrue(tuning.upright(null, Configuration::new), "the digits read as the model learnt them, not as the seed preset reads them");
    }
}
