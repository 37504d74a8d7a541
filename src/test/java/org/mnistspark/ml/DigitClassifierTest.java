package org.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.TestSpark;

/**
 * The estimator fitted on the idx source's MNIST training split with the settings of the suite's short training
 * runs: the accuracy floor those runs assert, Spark's evaluator reading the model's output, and train's progress
 * lines on the console.
 */
class DigitClassifierTest {
    /** As the cluster test trains with two workers: enough at lr 1e-3 for the floor of the local training test. */
    private static final long STEPS = 300;
    private static final double ACCURACY_FLOOR = 0.95;

    private static DigitClassificationModel model;
    private static double accuracy;
    private static String console;

    @BeforeAll
    static void fitOnMnist() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            theReadmeExample(TestSpark.session(), TestData.mnist().resolve("train-images-idx3-ubyte.gz").toString(),
                    TestData.mnist().resolve("t10k-images-idx3-ubyte.gz").toString());
        } finally {
            System.setOut(stdout);
        }
        console = printed.toString(StandardCharsets.UTF_8);
        System.out.print(console);
    }

    /** The whole test split, as train's metrics measure it. */
    private static void theReadmeExample(SparkSession spark, String trainImages, String testImages) {
        Dataset<Row> mnist = spark.read().format("idx").load(trainImages);
        DigitClassificationModel model = new DigitClassifier().setFeaturesCol("image").setSteps(300).setLearningRate(1e-3).fit(mnist);
        Dataset<Row> predictions = model.transform(spark.read().format("idx").load(testImages));
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(predictions);

        DigitClassifierTest.model = model;
        DigitClassifierTest.accuracy = accuracy;
    }

    @Test
    void reachesTheAccuracyFloorOfTrainWithTheSameSettings() {
        System.out.printf("DigitClassifier on MNIST, %d steps at lr 1e-3: test accuracy %.4f%n", STEPS, accuracy);
        assertTrue(accuracy >= ACCURACY_FLOOR, "accuracy " + accuracy);
    }

    @Test
    void theModelIsTheEstimatorsWithItsColumns() {
        DigitClassifier classifier = assertInstanceOf(DigitClassifier.class, model.parent());
        assertEquals(classifier.uid(), model.uid());
        assertEquals("image", model.getFeaturesCol());
        assertEquals(784, model.numFeatures());
        assertEquals(10, model.numClasses());
        assertEquals(STEPS, classifier.getSteps());
        assertEquals(10, classifier.getAveragingFrequency(), "the seed preset's");
        assertEquals(0, classifier.getLabelSmoothing(), "the seed preset's");
    }

    @Test
    void printsTrainsProgressLines() {
        List<String> lines = console.lines().toList();
        assertTrue(lines.contains("training on 58000 examples (28x28 images, 10 classes) from a DataFrame's image and label columns,"
                + " 2000 held out for calibration: 300 steps of 50, 2 workers averaging every 10 steps"), console);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("averaging: block momentum 0.5 (")), "the seed preset's on two workers: " + console);
        for (long step = 100; step <= STEPS; step += 100) {
            String prefix = "step " + step + "/" + STEPS + ", ";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix) && l.contains("training accuracy")), prefix + " in " + console);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("temperature ") && l.contains("fitted on 2,000 held-out training examples")), console);
        assertTrue(lines.contains("no test set beside a DataFrame's image and label columns"), console);
        assertEquals("the fitted model holds the network; those files go with the temporary directory (setCheckpointDir keeps a fit's run)",
                lines.get(lines.size() - 1), "after the line naming the run's files, which are deleted");
    }
}
