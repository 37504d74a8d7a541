package org.mnistspark.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.model.ModelFile;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.TestSpark;
import org.mnistspark.testing.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A pipeline of the preprocessor and the estimator fitted on a folder per digit of scans read with Spark's
 * binaryFile source, the label taken from the path: it fine-tunes train's model, starting from its parameters,
 * and saved, loaded and applied, it predicts as it did before it was saved.
 */
class DigitClassifierPipelineTest {
    private static final int SCANS = 60;
    /**
     * How far ten steps of Adam from a rate of 1e-3 decaying to 0 can move a parameter: about the sum of the rates,
     * 0.0055, with room; freshly initialised weights are a tenth apart.
     */
    private static final double MOST_MOVED = 0.02;

    @TempDir
    static Path dir;

    @Test
    void theReadmeExampleFitsSavesAndLoadsAPipelineThatPredictsTheSame() throws IOException {
        for (Digits.Digit digit : Digits.mnistTest(SCANS)) {
            Path folder = Files.createDirectories(dir.resolve("labeled").resolve(String.valueOf(digit.label())));
            ImageIO.write(Digits.inkOnPaper(digit.pixels()), "png", folder.resolve("digit-" + digit.index() + ".png").toFile());
        }
        SparkSession spark = TestSpark.session();
        String modelZip = TrainedModel.modelFile().toString();
        String labeledDir = dir.resolve("labeled").toString();
        String pipelineDir = dir.resolve("pipeline").toString();
        long steps = 10;

        Dataset<Row> labeled = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(labeledDir)
                .withColumn("label", regexp_extract(col("path"), "/(\\d)/[^/]+$", 1).cast("int"));
        DigitClassifier classifier = new DigitClassifier().setInitialModel(modelZip).setSteps(steps);
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {new DigitImagePreprocessor(), classifier}).fit(labeled);
        fitted.write().overwrite().save(pipelineDir);
        Dataset<Row> again = PipelineModel.load(pipelineDir).transform(labeled);

        DigitClassificationModel model = assertInstanceOf(DigitClassificationModel.class, fitted.stages()[1]);
        assertEquals(classifier.uid(), model.uid());
        Map<String, Row> before = byPath(fitted.transform(labeled));
        Map<String, Row> after = byPath(again);
        assertEquals(SCANS, after.size());
        long right = 0;
        for (Map.Entry<String, Row> scan : after.entrySet()) {
            Row row = scan.getValue();
            assertNull(row.getAs("error"), scan.getKey());
            assertEquals(before.get(scan.getKey()).<Double>getAs("prediction"), row.<Double>getAs("prediction"), scan.getKey());
            assertArrayEquals(before.get(scan.getKey()).<Vector>getAs("probability").toArray(), row.<Vector>getAs("probability").toArray(), 1e-6,
                    scan.getKey());
            right += row.<Double>getAs("prediction") == row.<Integer>getAs("label").doubleValue() ? 1 : 0;
        }
        // Ten steps from freshly initialised weights read few of them.
        assertTrue(right >= 0.9 * SCANS, right + " of " + SCANS + " scans read right after fine-tuning train's model");
        double moved = fittedParameters(pipelineDir).sub(ModelFile.load(modelZip, new Configuration()).network().params()).amaxNumber().doubleValue();
        assertTrue(moved > 0 && moved < MOST_MOVED, "fine-tuning moved a parameter of the initial model by " + moved);
    }

    /** The network of the pipeline saved in {@code pipelineDir}: its model stage's model file. */
    private static INDArray fittedParameters(String pipelineDir) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(pipelineDir))) {
            Path modelFile = files.filter(f -> f.getFileName().toString().equals(DigitClassificationModel.MODEL_FILE)).findFirst().orElseThrow();
            return ModelFile.load(modelFile.toString(), new Configuration()).network().params();
        }
    }

    private static Map<String, Row> byPath(Dataset<Row> rows) {
        List<Row> all = rows.collectAsList();
        return all.stream().collect(Collectors.toMap(r -> r.<String>getAs("path"), Function.identity()));
    }
}
