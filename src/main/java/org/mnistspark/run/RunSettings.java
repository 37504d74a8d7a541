package org.mnistspark.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.image.Preprocessing;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.Hyperparameters.Decay;
import org.mnistspark.model.Hyperparameters.Init;

/**
 * A run's settings as {@code train-config.json} keeps them, so that {@code --resume} continues the run
 * exactly as started and the report can show them; {@code dataMd5} holds the checksums of the data
 * files; {@code calibrationExamples} how many examples at the end of the training split were held out
 * of training to fit the model's temperature. Fields that runs of earlier versions did not record are
 * null there, and read as those runs trained: {@link #hyperparameters()}, {@link #heldOut()} and
 * {@link #scans()} fill them in. {@code data} is null in a run trained on scans alone; {@code engine} names
 * what ran the parameter averaging (null in runs of versions before the choice: the project's own).
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
        @JsonProperty(required = true) int checkpointEvery,
        Integer calibrationExamples,
        String images,
        Double imagesWeight,
        String testImages,
        String initModel,
        Preprocessing preprocess,
        String engine) {

    public static RunSettings of(String data, Map<String, String> dataMd5, String preset, long steps, Double epochs, Hyperparameters hp,
            int averagingFrequency, int workers, int logEvery, int checkpointEvery, ScanSettings scans, String engine) {
        return new RunSettings(data, dataMd5, preset, steps, epochs, hp.learningRate(), hp.batchSize(), hp.dropoutKeep(), hp.seed(),
                hp.decay(), hp.init(), hp.labelSmoothing(), hp.augmentation(), averagingFrequency, workers, logEvery, checkpointEvery, null,
                scans.images(), scans.imagesWeight(), scans.testImages(), scans.initModel(), scans.preprocess(), engine);
    }

    public RunSettings withCalibrationExamples(int examples) {
        return new RunSettings(data, dataMd5, preset, steps, epochs, learningRate, batchSize, dropoutKeep, seed, learningRateDecay,
                weightInit, labelSmoothing, augmentation, averagingFrequency, workers, logEvery, checkpointEvery, examples, images, imagesWeight,
                testImages, initModel, preprocess, engine);
    }

    /** The examples held out of training for calibration; runs of versions before calibration held none. */
    public int heldOut() {
        return calibrationExamples == null ? 0 : calibrationExamples;
    }

    /** The run's scans and starting model; none in runs of versions before them. */
    public ScanSettings scans() {
        return new ScanSettings(images, imagesWeight, testImages, initModel, preprocess);
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
