package org.mnistspark.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.Hyperparameters.Decay;
import org.mnistspark.model.Hyperparameters.Init;

/**
 * A run's settings as {@code train-config.json} keeps them, so that {@code --resume} continues the run
 * exactly as started and the report can show them; {@code dataMd5} holds the checksums of the data
 * files. Fields that runs of earlier versions did not record are null there, and read as those runs
 * trained: {@link #hyperparameters()} fills them in.
 */
public record RunSettings(
        @JsonProperty(required = true) String data,
        Map<String, String> dataMd5,
        String preset,
        @JsonProperty(required = true) long steps,
        Double epochs,
        @JsonProperty(required = true) double learningRate,
        @JsonProperty(required = true) int batchSize,
        @JsonProperty(required = true) double dropoutKeep,
        @JsonProperty(required = true) long seed,
        Decay learningRateDecay,
        Init weightInit,
        Double labelSmoothing,
        Augmentation augmentation,
        @JsonProperty(required = true) int averagingFrequency,
        @JsonProperty(required = true) int workers,
        @JsonProperty(required = true) int logEvery,
        @JsonProperty(required = true) int checkpointEvery) {

    public static RunSettings of(String data, Map<String, String> dataMd5, String preset, long steps, Double epochs, Hyperparameters hp,
            int averagingFrequency, int workers, int logEvery, int checkpointEvery) {
        return new RunSettings(data, dataMd5, preset, steps, epochs, hp.learningRate(), hp.batchSize(), hp.dropoutKeep(), hp.seed(),
                hp.decay(), hp.init(), hp.labelSmoothing(), hp.augmentation(), averagingFrequency, workers, logEvery, checkpointEvery);
    }

    public Hyperparameters hyperparameters() {
        return new Hyperparameters(learningRate, batchSize, dropoutKeep, seed,
                learningRateDecay == null ? Decay.NONE : learningRateDecay,
                weightInit == null ? Init.TRUNCATED_NORMAL : weightInit,
                labelSmoothing == null ? 0 : labelSmoothing,
                augmentation == null ? Augmentation.NONE : augmentation);
    }

    /** The recipe the run started from; runs of versions before presets name none. */
    public String presetName() {
        return preset == null ? "unrecorded" : preset;
    }
}
