package org.mnistspark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        run.writeSettings(RunSettings.of("data/mnist", Map.of(), "robust", 12_000, null, hp, 10, 0, 100, 0, ScanSettings.NONE, "mnist-spark"));
        assertEquals(hp, run.readSettings().hyperparameters());
        assertEquals(Augmentation.DEFAULT, run.readSettings().hyperparameters().augmentation());
        // The report lists the settings by the file's names.
        Map<?, ?> augmentation = (Map<?, ?>) RunDirectory.namedAsInTheFile(run.readSettings()).get("augmentation");
        assertEquals(24.0, ((Map<?, ?>) augmentation.get("elastic")).get("alpha"));
        assertEquals(Set.of("affine", "pen", "elastic", "blur", "noise"), augmentation.keySet(), "settings only");
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
        assertEquals(Preset.FAST.hyperparameters(), hp);
    }
}
