package org.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.photos.PaperPhotos;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.Pngs;
import org.mnistspark.testing.TestSpark;
import org.mnistspark.testing.TrainedModel;

/**
 * A folder of photographed digits and broken files, read with Spark's binaryFile source: the preprocessor and
 * the model, a saved and loaded pipeline of both, and the SQL function read it exactly as {@code score} does.
 */
class DigitPipelineTest {
    private static final int PHOTOS = 40;
    /**
     * How far a probability may move with the batch an image went through the network in: score and binaryFile cut
     * the folder into different batches, and the network's float sums differ in their last bits with the batch.
     */
    private static final double BATCH_ROUNDING = 1e-6;

    @TempDir
    static Path dir;

    private static Path scans;
    /** score's rows, by path, but for the empty file: Spark's binaryFile source gives no row for an empty file. */
    private static Map<String, Row> scored;

    @BeforeAll
    static void scoreAFolder() throws IOException {
        scans = Files.createDirectories(dir.resolve("scans"));
        Random random = new Random(7);
        for (Digits.Digit digit : Digits.mnistTest(PHOTOS)) {
            String format = digit.index() % 2 == 0 ? "jpeg" : "png";
            ImageIO.write(PaperPhotos.render(digit.pixels(), random), format, scans.resolve("digit-" + digit.index() + "." + format).toFile());
        }
        byte[] png = Files.readAllBytes(scans.resolve("digit-1.png"));
        Files.write(scans.resolve("empty.png"), new byte[0]);
        Files.write(scans.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
        Files.writeString(scans.resolve("notes.txt"), "not a picture");
        Files.write(scans.resolve("huge.png"), Pngs.declaringSize(png, 100_000, 100_000));
        Files.write(scans.resolve("blank.png"), Pngs.blankPaper());

        Cli cli = Cli.run("score", "--model", TrainedModel.modelFile().toString(), "--input", scans.toString(),
                "--output", dir.resolve("scored.parquet").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        scored = byPath(TestSpark.session().read().parquet(dir.resolve("scored.parquet").toString()));
        assertEquals(PHOTOS + 5, scored.size());
        assertEquals("empty file", scored.remove(scans.resolve("empty.png").toUri().toString().replace("file:///", "file:/")).<String>getAs("error"));
    }

    @Test
    void theReadmeExampleReadsTheFolderAsScoreDoes() throws IOException {
        SparkSession spark = TestSpark.session();
        String modelZip = TrainedModel.modelFile().toString();
        String scansDir = scans.toString();
        String pipelineDir = dir.resolve("pipeline").toString();

        DigitClassificationModel model = DigitClassificationModel.fromModelFile(modelZip);
        Dataset<Row> scans = spark.read().format("binaryFile").load(scansDir);
        Dataset<Row> predictions = model.transform(new DigitImagePreprocessor().setMode("mnist").transform(scans));

        PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {new DigitImagePreprocessor(), model}).fit(scans);
        pipeline.write().overwrite().save(pipelineDir);
        Dataset<Row> again = PipelineModel.load(pipelineDir).transform(scans);

        DigitFunctions.register(spark, modelZip);
        Dataset<Row> labels = spark.sql("SELECT path, mnist_predict(content).label AS label FROM binaryFile.`" + scansDir + "`");

        assertEquals(List.of("path", "modificationTime", "length", "content", "features", "error", "prediction", "rawPrediction",
                "probability", "confidence"), Arrays.asList(predictions.columns()));
        assertReadAsScoreReads(predictions);
        assertReadAsScoreReads(again);
        Map<String, Row> sqlLabels = byPath(labels);
        assertEquals(scored.keySet(), sqlLabels.keySet());
        scored.forEach((path, row) -> assertEquals(row.<Integer>getAs("label"), sqlLabels.get(path).<Integer>getAs("label"), path));
    }

    @Test
    void aSavedModelLoadsAndPredictsTheSameAndServesTheSqlFunction() throws IOException {
        SparkSession spark = TestSpark.session();
        String saved = dir.resolve("model").toString();
        Dataset<Row> features = new DigitImagePreprocessor().transform(spark.read().format("binaryFile").load(scans.toString()));
        DigitClassificationModel.fromModelFile(TrainedModel.modelFile().toString()).setConfidenceCol("certainty").write().save(saved);

        DigitClassificationModel loaded = DigitClassificationModel.load(saved);
        assertEquals("certainty", loaded.getConfidenceCol());
        assertReadAsScoreReads(loaded.setConfidenceCol("confidence").transform(features));

        DigitFunctions.register(spark, saved);
        Map<String, Row> sql = byPath(spark.sql("SELECT path, mnist_predict(content) AS p FROM binaryFile.`" + scans + "`"));
        scored.forEach((path, row) -> {
            Row reading = sql.get(path).getStruct(1);
            assertEquals(row.<Integer>getAs("label"), reading.<Integer>getAs("label"), path);
            assertEquals(row.<String>getAs("error"), reading.<String>getAs("error"), path);
        });
    }

    /** Each file's prediction, probabilities, confidence and error are those score wrote for it. */
    private static void assertReadAsScoreReads(Dataset<Row> predictions) {
        Map<String, Row> read = byPath(predictions);
        assertEquals(scored.keySet(), read.keySet());
        long failed = 0;
        for (Map.Entry<String, Row> file : scored.entrySet()) {
            Row expected = file.getValue();
            Row actual = read.get(file.getKey());
            assertEquals(expected.<String>getAs("error"), actual.<String>getAs("error"), file.getKey());
            if (expected.getAs("error") != null) {
                assertNull(actual.getAs("features"));
                assertNull(actual.getAs("prediction"));
                failed++;
                continue;
            }
            assertEquals(expected.<Integer>getAs("label").doubleValue(), (double) actual.<Double>getAs("prediction"), file.getKey());
            assertEquals(expected.<Double>getAs("confidence"), actual.<Double>getAs("confidence"), BATCH_ROUNDING, file.getKey());
            List<Float> probabilities = expected.getList(expected.fieldIndex("probabilities"));
            double[] vector = actual.<Vector>getAs("probability").toArray();
            assertArrayEquals(probabilities.stream().mapToDouble(Float::doubleValue).toArray(), vector, BATCH_ROUNDING, file.getKey());
        }
        assertEquals(4, failed);
    }

    private static Map<String, Row> byPath(Dataset<Row> rows) {
        return rows.collectAsList().stream().collect(Collectors.toMap(r -> r.<String>getAs("path"), Function.identity()));
    }
}
