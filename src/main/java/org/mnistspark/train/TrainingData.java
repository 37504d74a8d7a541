package org.mnistspark.train;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.mnistspark.data.LabeledImages;
import org.mnistspark.data.LabeledScans;
import org.mnistspark.idx.MnistFiles.Split;
import org.mnistspark.model.InputShape;
import org.mnistspark.run.ScanSettings;

/**
 * What a run trains and tests on, read once as it starts: an IDX data set's training and test splits,
 * labelled scans, or both mixed in each minibatch ({@link MixedOrder}); and the scans to test on, if
 * any. {@code idxTrain} and {@code idxTest} are null without IDX data, {@code scans} and
 * {@code testScans} without scans.
 */
record TrainingData(LabeledImages idxTrain, LabeledImages idxTest, LabeledScans scans, LabeledScans testScans, TrainingSet examples,
        TrainingSet heldOut, BatchOrder order, InputShape shape) {

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
            train = LabeledImages.read(spark, config.dataDir(), Split.TRAIN, classes);
            test = LabeledImages.read(spark, config.dataDir(), Split.TEST, classes);
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
        int held = heldOut != null ? heldOut : TemperatureFit.heldOut(first.count(), batchSize);
        TrainingSet kept = first.range(0, first.count() - held);
        TrainingSet calibration = first.range(first.count() - held, first.count());
        if (train != null && scanned != null) {
            return new TrainingData(train, test, scans, testScans, kept.followedBy(scanned), calibration,
                    new MixedOrder(kept.count(), scanned.count(), batchSize, settings.imagesWeight(), seed), shape);
        }
        return new TrainingData(train, test, scans, testScans, kept, calibration, new StepOrder(kept.count(), batchSize, seed), shape);
    }

    private static LabeledScans readScans(SparkSession spark, String source, ScanSettings settings, InputShape shape, PrintWriter out) {
        LabeledScans scans = LabeledScans.read(spark, source, settings.preprocessing(), shape);
        out.print(scans.describe());
        return scans;
    }

    /** What the model was trained on, as its info and the console name it. */
    String trainedOn() {
        if (scans == null) {
            return idxTrain.path();
        }
        return idxTrain == null ? scans.source() : idxTrain.path() + " + " + scans.source();
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
