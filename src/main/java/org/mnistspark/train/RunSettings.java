package org.mnistspark.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.Hyperparameters.Decay;
import org.mnistspark.model.Hyperparameters.Init;

/** A run's settings, kept in its directory so that {@code --resume} continues the run exactly as started. */
final class RunSettings {
    static final String FILE = "train-config.json";

    private RunSettings() {}

    /** Writes the settings, and the checksums of the data they name (which the report shows). */
    static void write(TrainingConfig config, Configuration conf, Map<String, String> dataMd5) throws IOException {
        Hyperparameters hp = config.hyperparameters();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("data", config.dataDir());
        json.put("data_md5", dataMd5);
        json.put("preset", config.preset());
        json.put("steps", config.steps());
        json.put("epochs", config.epochs());
        json.put("learning_rate", hp.learningRate());
        json.put("batch_size", hp.batchSize());
        json.put("dropout_keep", hp.dropoutKeep());
        json.put("seed", hp.seed());
        json.put("learning_rate_decay", hp.decay().name());
        json.put("weight_init", hp.init().name());
        json.put("label_smoothing", hp.labelSmoothing());
        json.put("averaging_frequency", config.averagingFrequency());
        json.put("workers", config.workers());
        json.put("log_every", config.logEvery());
        json.put("checkpoint_every", config.checkpointEvery());
        MetricsFile.write(Storage.child(config.output(), FILE), conf, json);
    }

    static boolean exists(String runDir, Configuration conf) throws IOException {
        return Storage.isFile(Storage.child(runDir, FILE), conf);
    }

    /** The settings of the run in {@code runDir}, which stays its output directory. */
    static TrainingConfig read(String runDir, Configuration conf) throws IOException {
        String file = Storage.child(runDir, FILE);
        JsonNode json;
        try (InputStream in = Storage.open(file, conf)) {
            json = new ObjectMapper().readTree(in);
        }
        Hyperparameters hp = new Hyperparameters(field(json, "learning_rate", file).asDouble(), field(json, "batch_size", file).asInt(),
                field(json, "dropout_keep", file).asDouble(), field(json, "seed", file).asLong(),
                // Runs started before presets existed trained the seed's way.
                Decay.valueOf(json.path("learning_rate_decay").asText(Decay.NONE.name())),
                Init.valueOf(json.path("weight_init").asText(Init.TRUNCATED_NORMAL.name())),
                json.path("label_smoothing").asDouble(0));
        JsonNode epochs = field(json, "epochs", file);
        // Runs started before presets were recorded name none.
        return new TrainingConfig(field(json, "data", file).asText(), runDir, json.path("preset").asText("unrecorded"),
                field(json, "steps", file).asLong(),
                epochs.isNull() ? null : epochs.asDouble(), hp, field(json, "averaging_frequency", file).asInt(),
                field(json, "workers", file).asInt(), field(json, "log_every", file).asInt(), field(json, "checkpoint_every", file).asInt(),
                false);
    }

    private static JsonNode field(JsonNode json, String name, String file) {
        if (json == null || !json.has(name)) {
            throw new IllegalArgumentException(file + ": not a run's settings (no \"" + name + "\")");
        }
        return json.get(name);
    }
}
