package org.mnistspark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.Preset;

/** train-config.json: what a run records is what --resume reads back, and older runs' files still load. */
class RunSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theAugmentationGoesToTheFileAndComesBack() throws IOException {
        RunDirectory run = new RunDirectory(dir.toString(), new Configuration());
        Hyperparameters hp = Preset.ROBUST.hyperparameters();
        run.writeSettings(RunSettings.of("data/mnist", Map.of(), "robust", 12_000, null, hp, 10, 0, 100, 0, ScanSettings.NONE, "mnist-spark", 0, false, 0, false));
        assertEquals(hp, run.readSettings().hyperparameters());
        assertEquals(Augmentation.SCANS, run.readSettings().hyperparameters().augmentation());
        // The report lists the settings by the file's names.
        Map<?, ?> augmentation = (Map<?, ?>) RunDirectory.namedAsInTheFile(run.readSettings()).get("augmentation");
        assertEquals(24.0, ((Map<?, ?>) augmentation.get("elastic")).get("alpha"));
        assertEquals(Set.of("affine", "proportion", "pen", "elastic", "blur", "noise"), augmentation.keySet(), "settings only");
    }

    @Test
    void anAugmentationRecordedBeforeTheProportionChangeGoesOnWithoutIt() throws IOException {
        RunDirectory run = new RunDirectory(dir.toString(), new Configuration());
        run.writeSettings(RunSettings.of("data/mnist", Map.of(), "robust", 12_000, null, Preset.ROBUST.hyperparameters(), 10, 0, 100, 0,
                ScanSettings.NONE, "mnist-spark", 0, false, 0, false));
        Path file = dir.resolve(RunDirectory.SETTINGS);
        ObjectNode settings = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        ((ObjectNode) settings.get("augmentation")).remove("proportion");
        new ObjectMapper().writeValue(file.toFile(), settings);

        Augmentation read = run.readSettings().hyperparameters().augmentation();
        assertEquals(0, read.probability(Augmentation.Transform.PROPORTION));
        assertEquals(Augmentation.DEFAULT.affine(), read.affine());
    }

    @Test
    void theBlockMomentumTheWeightAverageAndUprightDigitsGoToTheFileAndComeBack() throws IOException {
        RunDirectory run = new RunDirectory(dir.toString(), new Configuration());
        run.writeSettings(RunSettings.of("data/mnist", Map.of(), "seed", 20_000, null, Preset.SEED.hyperparameters(), 5, 0, 100, 1000,
                ScanSettings.NONE, "mnist-spark", 0.75, true, 0.999, true));
        RunSettings settings = run.readSettings();
        assertEquals(0.75, settings.blockMomentumAsTrained());
        assertTrue(settings.nesterovAsTrained());
        assertEquals(0.999, settings.emaDecayAsTrained());
        assertTrue(settings.uprightAsTrained());
        Map<String, Object> named = RunDirectory.namedAsInTheFile(settings);
        assertEquals(0.75, named.get("block_momentum"), "as the report lists it");
        assertEquals(true, named.get("nesterov"));
        assertEquals(0.999, named.get("ema_decay"));
        assertEquals(true, named.get("upright"));
    }

    /**
     * Runs of versions before block momentum averaged plainly, before the weight average saved their last parameters,
     * and before upright digits read IDX digits as they are: resumed, they go on so, whatever the defaults are now.
     */
    @Test
    void aRunRecordedBeforeBlockMomentumTheWeightAverageAndUprightDigitsGoesOnAsItTrained() throws IOException {
        Files.writeString(dir.resolve(RunDirectory.SETTINGS), """
                {"data": "data/mnist", "preset": "seed", "steps": 20000, "learning_rate": 0.0001, "batch_size": 50,
                 "dropout_keep": 0.5, "seed": 42, "averaging_frequency": 5, "workers": 2, "log_every": 100, "checkpoint_every": 1000,
                 "engine": "mnist-spark"}
                """);
        RunSettings settings = new RunDirectory(dir.toString(), new Configuration()).readSettings();
        assertEquals(0, settings.blockMomentumAsTrained());
        assertFalse(settings.nesterovAsTrained());
        assertEquals(0, settings.emaDecayAsTrained());
        assertFalse(settings.uprightAsTrained(), "IDX digits as they are");
    }

    @Test
    void aRunRecordedBeforeAugmentationTrainedWithout() throws IOException {
        Files.writeString(dir.resolve(RunDirectory.SETTINGS), """
                {"data": "data/mnist", "preset": "fast", "steps": 8000, "learning_rate": 0.0015, "batch_size": 50,
                 "dropout_keep": 0.5, "seed": 42, "learning_rate_decay": "LINEAR", "weight_init": "HE", "label_smoothing": 0.1,
                 "averaging_frequency": 10, "workers": 0, "log_every": 100, "checkpoint_every": 0}
                """);
        Hyperparameters hp = new RunDirectory(dir.toString(), new Configuration()).readSettings().hyperparameters();
        assertEquals(Augmentation.NONE, hp.augmentation());
        assertEquals(Preset.FAST.hyperparameters().withAugmentation(Augmentation.NONE), hp);
    }
}
