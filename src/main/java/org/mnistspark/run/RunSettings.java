package org.mnistspark.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * what ran the parameter averaging (null in runs of versions before the choice: the project's own); {@code blockMomentum} and {@code nesterov}
 * how it moved the averaged parameters (null in runs of versions before block momentum, which averaged
 * plainly: {@link #blockMomentumAsTrained()} and {@link #nesterovAsTrained()} read them so); {@code emaDecay} the decay of the
 * weight average the run saved as its model (null in runs of versions before it, which saved their last parameters);
 * {@code upright} whether the IDX digits were read upright (null in runs of versions before it, which read them as they are). The block
 * momentum is recorded as the run resolved it, never as "the default", so that a resumed run goes on
 * with the same one whatever Spark's parallelism is then.
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
        String engine,
        Double blockMomentum,
        Boolean nesterov,
        Double emaDecay,
        Boolean upright) {

    public static RunSettings of(String data, Map<String, String> dataMd5, String preset, long steps, Double epochs, Hyperparameters hp,
            int averagingFrequency, int workers, int logEvery, int checkpointEvery, ScanSettings scans, String engine, double blockMomentum,
            boolean nesterov, double emaDecay, boolean upright) {
        return new RunSettings(data, dataMd5, preset, steps, epochs, hp.learningRate(), hp.batchSize(), hp.dropoutKeep(), hp.seed(),
                hp.decay(), hp.init(), hp.labelSmoothing(), hp.augmentation(), averagingFrequency, workers, logEvery, checkpointEvery, null,
                scans.images(), scans.imagesWeight(), scans.testImages(), scans.initModel(), scans.preprocess(), engine, blockMomentum, nesterov, emaDecay, upright);
    }

    public RunSettings withCalibrationExamples(int examples) {
        return new RunSettings(data, dataMd5, preset, steps, epochs, learningRate, batchSize, dropoutKeep, seed, learningRateDecay,
                weightInit, labelSmoothing, augmentation, averagingFrequency, workers, logEvery, checkpointEvery, examples, images, imagesWeight,
                testImages, initModel, preprocess, engine, blockMomentum, nesterov, emaDecay, upright);
    }

    /** Each setting that differs from {@code recorded}'s, as the file names it: {@code steps 200 (the run's: 100)}. */
    public List<String> differencesFrom(RunSettings recorded) {
        Map<String, Object> mine = RunDirectory.namedAsInTheFile(this);
        Map<String, Object> theirs = RunDirectory.namedAsInTheFile(recorded);
        List<String> differences = new ArrayList<>();
        mine.forEach((name, value) -> {
            if (!Objects.equals(value, theirs.get(name))) {
                differences.add(name + " " + value + " (the run's: " + theirs.get(name) + ")");
            }
        });
        return differences;
    }

    /** The examples held out of training for calibration; runs of versions before calibration held none. */
    public int heldOut() {
        return calibrationExamples == null ? 0 : calibrationExamples;
    }

    /** The run's block momentum; runs of versions before it averaged plainly: 0. */
    public double blockMomentumAsTrained() {
        return blockMomentum == null ? 0 : blockMomentum;
    }

    /** Whether the run's workers started from Nesterov's look-ahead; not in runs of versions before block momentum. */
    public boolean nesterovAsTrained() {
        return Boolean.TRUE.equals(nesterov);
    }

    /** The per-step decay of the run's weight average; runs of versions before it saved their last parameters: 0. */
    public double emaDecayAsTrained() {
        return emaDecay == null ? 0 : emaDecay;
    }

    /** Whether the run read IDX digits upright; runs of versions before it read them as they are. */
    public boolean uprightAsTrained() {
        return Boolean.TRUE.equals(upright);
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
