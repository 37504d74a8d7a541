package org.mnistspark.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.mnistspark.data.LabeledImages;
import org.mnistspark.data.LabeledScans;
import org.mnistspark.idx.DataChecksums;
import org.mnistspark.idx.MnistFiles.Split;
import org.mnistspark.model.InputShape;
import org.mnistspark.run.ScanSettings;

/**
 * What a run trains and tests on, read once as it starts: an IDX data set's training and test splits,
 * labelled scans, or both mixed in each minibatch ({@link MixedOrder}); and the scans to test on, if
 * any. Or examples a program collected itself, {@code collected}, with nothing to test on. Each source
 * is null when unused: {@code idxTrain} and {@code idxTest} without IDX data, {@code scans} and
 * {@code testScans} without scans.
 */
record TrainingData(LabeledImages idxTrain, LabeledImages idxTest, LabeledScans scans, LabeledScans testScans, CollectedExamples collected,
        TrainingSet examples, TrainingSet heldOut, BatchOrder order, InputShape shape) {

    /**
     * {@code heldOut}: how many examples at the end of the IDX training split (of the scans, without
     * IDX data) to keep out of training for calibration, as a resumed run recorded it; null: the default.
     */
    static TrainingData read(SparkSession spark, TrainingConfig config, Integer heldOut, int classes, PrintWriter out) {
        ScanSettings settings = config.scans();
        int batchSize = config.hyperparameters().batchSize();
        long seed = config.hyperparameters().seed();
        LabeledImages train = null;
        LabeledImages test = null;
        InputShape shape = InputShape.MNIST;
        if (config.dataDir() != null) {
            train = LabeledImages.read(spark, config.dataDir(), Split.TRAIN, classes, config.upright());
            test = LabeledImages.read(spark, config.dataDir(), Split.TEST, classes, config.upright());
            if (!train.shape().equals(test.shape())) {
                throw new IllegalArgumentException(test.path() + ": images are " + test.shape() + " but the training images are " + train.shape());
            }
            shape = train.shape();
        }
        LabeledScans scans = settings.images() == null ? null : readScans(spark, settings.images(), settings, shape, out);
        LabeledScans testScans = settings.testImages() == null ? null : readScans(spark, settings.testImages(), settings, shape, out);
        TrainingSet scanned = scans == null ? null : TrainingSet.collect(scans.images());
        if (scanned != null) {
            int needed = train == null ? batchSize : MixedOrder.secondExamples(batchSize, settings.imagesWeight());
            if (scanned.count() < needed) {
                throw new IllegalArgumentException(String.format("%s: %d usable images, fewer than the %d each minibatch takes from it",
                        scans.source(), scanned.count(), needed));
            }
        }
        TrainingSet first = train == null ? scanned : TrainingSet.collect(train);
        int held = held(first, heldOut, batchSize);
        TrainingSet kept = first.range(0, first.count() - held);
        TrainingSet calibration = first.range(first.count() - held, first.count());
        if (train != null && scanned != null) {
            return new TrainingData(train, test, scans, testScans, null, kept.followedBy(scanned), calibration,
                    new MixedOrder(kept.count(), scanned.count(), batchSize, settings.imagesWeight(), seed), shape);
        }
        return new TrainingData(train, test, scans, testScans, null, kept, calibration, new StepOrder(kept.count(), batchSize, seed), shape);
    }

    /** {@code collected}'s examples, the last {@code heldOut} of them (null: the default) kept out of training for calibration. */
    static TrainingData of(CollectedExamples collected, TrainingConfig config, Integer heldOut) {
        TrainingSet all = collected.trainingSet();
        int batchSize = config.hyperparameters().batchSize();
        int held = held(all, heldOut, batchSize);
        TrainingSet kept = all.range(0, all.count() - held);
        return new TrainingData(null, null, null, null, collected, kept, all.range(kept.count(), all.count()),
                new StepOrder(kept.count(), batchSize, config.hyperparameters().seed()), collected.shape());
    }

    /** How many examples at the end of {@code first} to hold out: as a resumed run recorded it, else the default. */
    private static int held(TrainingSet first, Integer heldOut, int batchSize) {
        return heldOut != null ? heldOut : TemperatureFit.heldOut(first.count(), batchSize);
    }

    /** The MD5 of each data file the run reads, or of the examples it was given: the run's files say exactly which data it saw. */
    Map<String, String> checksums(TrainingConfig config, Configuration conf) throws IOException {
        if (collected != null) {
            return Map.of(collected.source(), collected.md5());
        }
        return config.dataDir() == null ? Map.of() : DataChecksums.of(config.dataDir(), conf);
    }

    private static LabeledScans readScans(SparkSession spark, String source, ScanSettings settings, InputShape shape, PrintWriter out) {
        LabeledScans scans = LabeledScans.read(spark, source, settings.preprocessing(), shape);
        out.print(scans.describe());
        return scans;
    }

    /** What the model was trained on, as its info and the console name it. */
    String trainedOn() {
        if (collected != null) {
            return collected.source();
        }
        if (scans == null) {
            return idxTrain.path();
        }
        return idxTrain == null ? scans.source() : idxTrain.path() + " + " + scans.source();
    }

    /** What the console says when there is no {@link #test()} set. */
    String untested() {
        return collected != null ? "no test set beside " + collected.source()
                : "no test set: give --data or --test-images to evaluate the model";
    }

    /** The set whose accuracy is the run's: the IDX test split, else the test scans; null if neither. */
    LabeledImages test() {
        return idxTest != null ? idxTest : testScans != null ? testScans.images() : null;
    }

    /** The scans' part of metrics.json: counts per class and skipped files. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("train_data", trainedOn());
        if (scans != null) {
            json.put("train_images", scans.toJson());
        }
        return json;
    }
}
