package org.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.TestSpark;
import org.mnistspark.testing.TrainedModel;

/** The model on DataFrames of features: MNIST's own bytes, Vectors, and rows it cannot read. */
class DigitClassificationModelTest {
    private static final int TEST_IMAGES = 500;
    /** The suite's model of 800 steps reads about 98% of MNIST's test digits. */
    private static final double ACCURACY_FLOOR = 0.95;

    private static SparkSession spark;
    private static DigitClassificationModel model;

    @BeforeAll
    static void loadTheModel() {
        spark = TestSpark.session();
        model = DigitClassificationModel.fromModelFile(TrainedModel.modelFile().toString());
    }

    @Test
    void sparksEvaluatorReadsPredictionsOfTheIdxSourcesBytes() {
        Dataset<Row> test = spark.read().format("idx").load(TestData.mnist().resolve("t10k-images-idx3-ubyte.gz").toString())
                .orderBy("index").limit(TEST_IMAGES);
        Dataset<Row> predictions = reading("image").transform(test).cache();
        List<Row> predicted = predictions.collectAsList();

        long right = predicted.stream().filter(r -> r.<Double>getAs("prediction") == r.<Integer>getAs("label").doubleValue()).count();
        double logLoss = predicted.stream().mapToDouble(r -> -Math.log(r.<Vector>getAs("probability").apply(r.<Integer>getAs("label"))))
                .average().orElseThrow();
        MulticlassClassificationEvaluator evaluator = new MulticlassClassificationEvaluator();
        double accuracy = evaluator.setMetricName("accuracy").evaluate(predictions);
        assertEquals((double) right / TEST_IMAGES, accuracy, 1e-12);
        assertTrue(accuracy >= ACCURACY_FLOOR, "accuracy " + accuracy);
        assertEquals(logLoss, evaluator.setMetricName("logLoss").evaluate(predictions), 1e-9);
    }

    @Test
    void everyInputColumnSurvivesAndRowsItCannotReadHaveTheirReason() {
        Digits.Digit seven = Digits.mnistTest(1).get(0);
        double[] pixels = new double[784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (seven.pixels()[i] & 0xff) / 255.0;
        }
        double[] tooBright = pixels.clone();
        tooBright[300] = 2;
        StructType schema = new StructType().add("id", DataTypes.LongType).add("note", DataTypes.StringType)
                .add("features", new VectorUDT(), true);
        List<Row> rows = List.of(
                RowFactory.create(1L, "a seven", Vectors.dense(pixels)),
                RowFactory.create(2L, "nothing", null),
                RowFactory.create(3L, "ten values", Vectors.dense(new double[10])),
                RowFactory.create(4L, "too bright", Vectors.dense(tooBright)));
        List<Row> out = reading("features").transform(spark.createDataFrame(rows, schema)).orderBy("id").collectAsList();

        assertEquals(4, out.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i), RowFactory.create(out.get(i).get(0), out.get(i).get(1), out.get(i).get(2)));
        }
        assertEquals((double) seven.label(), (double) out.get(0).<Double>getAs("prediction"));
        assertNull(out.get(0).getAs("error"));
        Vector probability = out.get(0).getAs("probability");
        assertEquals(1.0, Arrays.stream(probability.toArray()).sum(), 1e-5);
        assertEquals(probability.apply(seven.label()), (double) out.get(0).<Double>getAs("confidence"));
        // The raw prediction holds the logarithms of the probabilities, so Spark's softmax of it gives them back.
        assertArrayEquals(probability.toArray(), model.raw2probabilityInPlace(out.get(0).<Vector>getAs("rawPrediction").copy()).toArray(), 1e-6);
        assertEquals(List.of("features are null", "features have 10 values, not 784", "feature 300 is 2.0, outside [0, 1]"),
                out.subList(1, 4).stream().map(r -> r.<String>getAs("error")).toList());
        for (Row failed : out.subList(1, 4)) {
            for (String column : List.of("prediction", "probability", "rawPrediction", "confidence")) {
                assertNull(failed.getAs(column), column);
            }
        }
    }

    @Test
    void wrongSizedBytesAndUnreadableFilesAreRowsWithErrorsThroughBothStages() {
        StructType schema = new StructType().add("name", DataTypes.StringType).add("content", DataTypes.BinaryType, true);
        List<Row> rows = List.of(
                RowFactory.create("no bytes", null),
                RowFactory.create("text", "not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<Row> out = reading("features")
                .transform(new DigitImagePreprocessor().transform(spark.createDataFrame(rows, schema))).orderBy("name").collectAsList();
        assertEquals(List.of("content is null", "not an image in a known format (JPEG, PNG, GIF, BMP, TIFF)"),
                out.stream().map(r -> r.<String>getAs("error")).toList());
        assertTrue(out.stream().allMatch(r -> r.getAs("features") == null && r.getAs("prediction") == null));

        StructType bytes = new StructType().add("image", DataTypes.BinaryType);
        Row shortImage = reading("image").transform(spark.createDataFrame(List.of(RowFactory.create((Object) new byte[10])), bytes))
                .first();
        assertEquals("features have 10 bytes, not 784", shortImage.<String>getAs("error"));
    }

    /** The suite's model reading {@code featuresCol}: a copy, so that the tests do not share settings. */
    private static DigitClassificationModel reading(String featuresCol) {
        return model.copy(new ParamMap()).setFeaturesCol(featuresCol);
    }
}
