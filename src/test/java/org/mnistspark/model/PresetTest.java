package org.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.augment.Augmentation;
import org.nd4j.linalg.learning.config.IUpdater;

class PresetTest {
    @Test
    void theSeedPresetIsTheArticlesRecipe() {
        assertEquals(Hyperparameters.seedRecipe(), Preset.SEED.hyperparameters());
        assertEquals(20_000, Preset.SEED.steps());
        assertEquals(10, Preset.SEED.averagingFrequency(), "every preset averages every 10 steps");
        IUpdater adam = updater(DeepMnistCnn.configuration(InputShape.MNIST, Preset.SEED.hyperparameters(), 1000));
        assertEquals(1e-4, adam.getLearningRate(0, 0), 1e-12);
        assertEquals(1e-4, adam.getLearningRate(999, 0), 1e-12);
    }

    @Test
    void theFastPresetDecaysItsLearningRateToZeroOverTheRun() {
        IUpdater adam = updater(DeepMnistCnn.configuration(InputShape.MNIST, Preset.FAST.hyperparameters(), 1000));
        assertEquals(1.5e-3, adam.getLearningRate(0, 0), 1e-12);
        assertEquals(7.5e-4, adam.getLearningRate(500, 0), 1e-12);
        assertEquals(1.5e-6, adam.getLearningRate(999, 0), 1e-12);
        assertEquals(0, adam.getLearningRate(1000, 0), 1e-12);
    }

    @Test
    void theScheduleSurvivesTheModelFile(@TempDir Path dir) throws Exception {
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(InputShape.MNIST, Preset.FAST.hyperparameters(), 1000));
        network.init();
        ModelFile.save(network, new ModelInfo(InputShape.MNIST, 0, "none"), dir.resolve("model.zip").toString(), new Configuration());
        IUpdater adam = updater(ModelFile.load(dir.resolve("model.zip").toString(), new Configuration()).network().getLayerWiseConfigurations());
        assertEquals(7.5e-4, adam.getLearningRate(500, 0), 1e-12);
    }

    @Test
    void theFastPresetSmoothsItsTargetsAndTheSeedDoesNot() {
        assertEquals(0.1, Preset.FAST.hyperparameters().labelSmoothing());
        assertEquals(0, Preset.SEED.hyperparameters().labelSmoothing());
    }

    @Test
    void theFastPresetStartsFromHeInitialisation() {
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(InputShape.MNIST, Preset.FAST.hyperparameters(), 1));
        network.init();
        // fc1 has a fan-in of 7·7·64 = 3136: He's standard deviation is sqrt(2 / 3136) ≈ 0.0253, the seed's 0.1 (truncated).
        assertEquals(Math.sqrt(2.0 / 3136), network.getLayer(4).getParam("W").stdNumber().doubleValue(), 0.001);
    }

    @Test
    void fastTrainsOnAugmentedImagesWithTheProportionChangeOnAQuarterAndRobustLonger() {
        assertEquals(Augmentation.DEFAULT.with(Augmentation.Transform.PROPORTION, 0.25), Preset.FAST.hyperparameters().augmentation());
        assertEquals(0, Augmentation.DEFAULT.probability(Augmentation.Transform.PROPORTION));
        assertEquals(15_000, Preset.FAST.steps());
        assertEquals(Preset.FAST.hyperparameters(), Preset.ROBUST.hyperparameters());
        assertEquals(20_000, Preset.ROBUST.steps());
        assertEquals(Preset.FAST.averagingFrequency(), Preset.ROBUST.averagingFrequency());
        assertEquals(Preset.FAST.upright(), Preset.ROBUST.upright());
        assertEquals(Augmentation.NONE, Preset.SEED.hyperparameters().augmentation());
    }

    @Test
    void onlyTheSeedRecipeMovesTheAveragedParametersWithBlockMomentum() {
        assertTrue(Preset.SEED.blockMomentum(), "its constant rate of 1e-4 is what plain averaging halves");
        assertFalse(Preset.FAST.blockMomentum(), "measured 0.07 point worse with it");
        assertFalse(Preset.ROBUST.blockMomentum());
    }

    private static IUpdater updater(MultiLayerConfiguration configuration) {
        return ((BaseLayer) configuration.getConf(0).getLayer()).getIUpdater();
    }
}
