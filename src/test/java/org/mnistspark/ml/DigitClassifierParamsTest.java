package org.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.Preset;
import org.mnistspark.run.RunDirectory;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.TestSpark;
import org.mnistspark.testing.TrainedModel;
import org.mnistspark.train.CollectedExamples;
import org.mnistspark.train.Recipe;

/**
 * The estimator's params and inputs, on a few MNIST digits and a step or two: a Vector features column is the same
 * examples as the idx source's bytes, unset params are the preset's or fine-tuning's, and what cannot be trained
 * on is refused in one line before any training.
 */
class DigitClassifierParamsTest {
    private static final int DIGITS = 200;

    @TempDir
    static Path dir;

    /** The first MNIST test digits: the idx source's columns, and the same pixels as a Vector column made by a UDF. */
    private static Dataset<Row> digits;

    @BeforeAll
    static void digits() {
        UserDefinedFunction toVector = functions.udf((UDF1<byte[], Vector>) bytes -> {
            double[] values = new double[bytes.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = (bytes[i] & 0xff) / 255.0;
            }
            return Vectors.dense(values);
        }, new VectorUDT());
        digits = Digits.mnistTestFrame(DIGITS).withColumn("pixels", toVector.apply(functions.col("image"))).cache();
    }

    @Test
    void aVectorColumnIsTheSameExamplesAsTheIdxSourcesBytesAndFits() {
        CollectedExamples fromBytes = TrainingRows.collect(digits, "image", "label", InputShape.MNIST);
        CollectedExamples fromVectors = TrainingRows.collect(digits, "pixels", "label", InputShape.MNIST);
        assertArrayEquals(fromBytes.labels(), fromVectors.labels());
        assertArrayEquals(fromBytes.pixels(), fromVectors.pixels());

        DigitClassificationModel model = brief().setFeaturesCol("pixels").setPredictionCol("digit").fit(digits);

        assertEquals("pixels", model.getFeaturesCol());
        assertEquals("digit", model.getPredictionCol());
        List<Row> predicted = model.transform(digits).collectAsList();
        assertEquals(DIGITS, predicted.size());
        for (Row row : predicted) {
            assertNull(row.getAs("error"));
            assertEquals(10, row.<Vector>getAs("probability").size());
            assertEquals(10, row.<Vector>getAs("rawPrediction").size());
            assertTrue(row.<Double>getAs("digit") >= 0 && row.<Double>getAs("digit") <= 9);
        }
    }

    /** As {@code train --upright} does, the model says whether it learnt digits upright, so that {@code evaluate --data} reads MNIST so. */
    @Test
    void theModelRecordsUprightRowsAsTheIdxSourceMarksThemOrAsItsStartingModelLearnt() {
        Dataset<Row> upright = TestSpark.session().read().format("idx").option("upright", true)
                .load(TestData.mnist().resolve("t10k-images-idx3-ubyte.gz").toString()).where("index < " + DIGITS);

        assertTrue(recordedUpright(brief().setFeaturesCol("image"), upright, "upright"), "the idx source's upright rows");
        assertFalse(recordedUpright(brief().setFeaturesCol("pixels"), digits, "as-given"), "rows that say nothing, no starting model");
        String uprightModel = dir.resolve("upright/" + RunDirectory.MODEL).toString();
        assertTrue(recordedUpright(brief().setFeaturesCol("pixels").setInitialModel(uprightModel).setSteps(2), digits, "tuned"),
                "rows that say nothing, from a model that learnt digits upright");
    }

    /** Whether the model that {@code classifier} fits on {@code rows} in the run directory {@code name} says it learnt digits upright. */
    private static boolean recordedUpright(DigitClassifier classifier, Dataset<Row> rows, String name) {
        Path run = dir.resolve(name);
        classifier.setCheckpointDir(run.toString()).fit(rows);
        return ModelFile.info(run.resolve(RunDirectory.MODEL).toString(), new Configuration()).upright();
    }

    @Test
    void unsetParamsAreThePresetsAsTrainGivesThem() {
        DigitClassifier fast = new DigitClassifier().setPreset("fast");

        assertEquals(Preset.FAST.steps(), fast.getSteps());
        assertEquals(Preset.FAST.learningRate(), fast.getLearningRate());
        assertEquals(Preset.FAST.averagingFrequency(), fast.getAveragingFrequency());
        assertEquals(Preset.FAST.labelSmoothing(), fast.getLabelSmoothing());
        assertEquals(42, fast.getSeed(), "train's default");
        assertEquals(0, fast.getWorkers(), "Spark's default parallelism");
        assertNull(fast.getCheckpointDir());
        assertEquals(Preset.FAST.hyperparameters().augmentation().describe(), fast.getAugment());
        assertEquals(0.0, fast.getBlockMomentum(), "fast averages plainly");
        assertEquals(Preset.FAST.emaDecay(), fast.getEmaDecay());
        assertEquals(300, fast.setSteps(300).getSteps());
        assertEquals(Preset.SEED.learningRate(), new DigitClassifier().getLearningRate(), "the seed preset by default");
        assertEquals(Augmentation.NONE.describe(), new DigitClassifier().getAugment(), "the seed's");
        assertNull(new DigitClassifier().getBlockMomentum(), "the seed's, 1 - 1/workers once the workers are known");
        assertEquals(Preset.SEED.emaDecay(), new DigitClassifier().getEmaDecay(), "the seed's");
    }

    @Test
    void augmentationBlockMomentumAndWeightAverageAsTrainTakesThem() {
        DigitClassifier classifier = new DigitClassifier().setAugment("affine,elastic=0.5").setBlockMomentum(0.7).setEmaDecay(0.999);

        assertEquals(Augmentation.parse("affine,elastic=0.5").describe(), classifier.getAugment());
        assertEquals(0.7, classifier.getBlockMomentum());
        assertEquals(0.999, classifier.getEmaDecay());
    }

    @Test
    void anInitialModelBringsFineTuningsDefaults() throws IOException {
        String start = TrainedModel.modelFile().toString();
        DigitClassifier tuning = new DigitClassifier().setInitialModel(start);

        assertEquals(Recipe.FINE_TUNING_STEPS, tuning.getSteps(), "train --init-model's default");
        assertEquals(Recipe.FINE_TUNING_LR, tuning.getLearningRate(), "train --init-model's default");
        assertEquals(ModelFile.info(start, new Configuration()).labelSmoothing(), tuning.getLabelSmoothing(), "the model's own");
        assertEquals(start, tuning.getInitialModel());
        assertEquals(0.0, tuning.getEmaDecay(), "fine-tuning's rate decays to zero: its last parameters are the model");
    }

    @Test
    void paramsSaveAndLoadWithTheEstimator() throws IOException {
        String saved = dir.resolve("classifier").toString();
        DigitClassifier classifier = new DigitClassifier().setPreset("fast").setSteps(123).setLabelSmoothing(0.2).setCheckpointDir("/runs/x");
        classifier.write().save(saved);

        DigitClassifier loaded = DigitClassifier.load(saved);
        assertEquals(classifier.uid(), loaded.uid());
        assertEquals("fast", loaded.getPreset());
        assertEquals(123, loaded.getSteps());
        assertEquals(0.2, loaded.getLabelSmoothing());
        assertEquals("/runs/x", loaded.getCheckpointDir());
        assertEquals(Preset.FAST.learningRate(), loaded.getLearningRate(), "still unset: the preset's");
    }

    @Test
    void badParamsAreRefusedInOneLine() {
        DigitClassifier classifier = new DigitClassifier();
        String prefix = classifier.uid() + " parameter ";
        assertOneLine(prefix + "steps given invalid value 0.", assertThrows(IllegalArgumentException.class, () -> classifier.setSteps(0)));
        assertOneLine(prefix + "preset given invalid value turbo.", assertThrows(IllegalArgumentException.class, () -> classifier.setPreset("turbo")));
        assertOneLine(prefix + "learningRate given invalid value -0.1.",
                assertThrows(IllegalArgumentException.class, () -> classifier.setLearningRate(-0.1)));
        assertOneLine(prefix + "labelSmoothing given invalid value 1.0.", assertThrows(IllegalArgumentException.class, () -> classifier.setLabelSmoothing(1)));
        assertOneLine(prefix + "augment given invalid value twirl.", assertThrows(IllegalArgumentException.class, () -> classifier.setAugment("twirl")));
        assertOneLine(prefix + "blockMomentum given invalid value 1.0.", assertThrows(IllegalArgumentException.class, () -> classifier.setBlockMomentum(1)));
    }

    @Test
    void rowsThatCannotBeExamplesFailTheFitInOneLineBeforeTraining() {
        Dataset<Row> labelTen = digits.withColumn("label", functions.when(functions.col("index").equalTo(7), 10).otherwise(functions.col("label")));
        assertOneLine("1 of 200 rows of columns image and label cannot be training examples, the first because its label 10.0 is not a whole"
                + " number from 0 to 9", assertThrows(IllegalArgumentException.class, () -> brief().setFeaturesCol("image").fit(labelTen)));

        Dataset<Row> shortImages = digits.withColumn("image", functions.substring(functions.col("image"), 1, 10));
        assertOneLine("200 of 200 rows of columns image and label cannot be training examples, the first because its features have 10 bytes,"
                + " not 784", assertThrows(IllegalArgumentException.class, () -> brief().setFeaturesCol("image").fit(shortImages)));

        UserDefinedFunction tenValues = functions.udf((UDF1<byte[], Vector>) bytes -> Vectors.dense(new double[10]), new VectorUDT());
        Dataset<Row> shortVectors = digits.withColumn("pixels", tenValues.apply(functions.col("image")));
        assertOneLine("200 of 200 rows of columns pixels and label cannot be training examples, the first because its features have 10 values,"
                + " not 784", assertThrows(IllegalArgumentException.class, () -> brief().setFeaturesCol("pixels").fit(shortVectors)));

        Dataset<Row> noPixels = digits.withColumn("pixels", functions.lit(null).cast(new VectorUDT()));
        assertOneLine("200 of 200 rows of columns pixels and label cannot be training examples, the first because its features are null",
                assertThrows(IllegalArgumentException.class, () -> brief().setFeaturesCol("pixels").fit(noPixels)));

        Dataset<Row> words = digits.withColumn("label", functions.lit("seven"));
        assertOneLine("requirement failed: Column label must be of type numeric but was actually of type string.",
                assertThrows(IllegalArgumentException.class, () -> brief().setFeaturesCol("image").fit(words)));
        assertOneLine("Column index must be a Vector of 784 values or a binary of 784 bytes, not bigint",
                assertThrows(IllegalArgumentException.class, () -> brief().setFeaturesCol("index").fit(digits)));
    }

    @Test
    void kryoThatRequiresRegistrationIsRefusedAtOnce() {
        SparkConf kryo = new SparkConf().set("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        SerializerCheck.require(kryo);
        assertOneLine("spark.kryo.registrationRequired is true, but the digit network and its training state go to the executors as classes"
                + " nobody registers with Kryo: set it to false",
                assertThrows(IllegalStateException.class, () -> SerializerCheck.require(kryo.set("spark.kryo.registrationRequired", "true"))));
    }

    /** Two workers, one step each: a round, enough to train end to end. */
    private static DigitClassifier brief() {
        return new DigitClassifier().setSteps(2).setWorkers(2).setAveragingFrequency(1);
    }

    private static void assertOneLine(String expected, Exception e) {
        assertEquals(expected, e.getMessage());
    }
}
