package org.mnistspark.evaluate;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.mnistspark.data.LabeledImages;
import org.mnistspark.data.LabeledScans;
import org.mnistspark.files.Storage;
import org.mnistspark.image.Preprocessing;
import org.mnistspark.report.EvaluationReport;
import org.mnistspark.run.JsonFile;
import org.mnistspark.idx.MnistFiles.Split;
import org.mnistspark.model.ModelFile;
import org.mnistspark.progress.Console;

/** Evaluates a saved model on the test split of a data directory, or on labelled scans. */
public final class EvaluationJob {
    private EvaluationJob() {}

    /** Writes the metrics to {@code output}, which must not exist unless {@code overwrite}. */
    public static TestMetrics run(SparkSession spark, String modelFile, String dataDir, String output, boolean overwrite,
            Console console) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        ModelFile.Loaded model = load(modelFile, output, overwrite, conf);
        // A model trained on upright digits reads the test digits upright too, as it reads scans.
        boolean upright = model.info().upright();
        LabeledImages test = LabeledImages.read(spark, dataDir, Split.TEST, model.info().shape().classes(), upright);
        if (upright) {
            console.out().println("reading the test digits upright, as the model learnt them");
        }
        if (!test.shape().equals(model.info().shape())) {
            throw new IllegalArgumentException(test.path() + ": images are " + test.shape() + " but the model reads " + model.info().shape());
        }
        TestMetrics metrics = Evaluator.evaluate(JavaSparkContext.fromSparkContext(spark.sparkContext()), model.network(),
                model.info().temperature(), test, console);
        Map<String, Object> json = new LinkedHashMap<>(metrics.toJson());
        json.put("temperature", model.info().temperature());
        json.put("test_data", test.path());
        json.put("upright", upright);
        json.put("model", modelFile);
        JsonFile.write(output, conf, json);
        console.out().print(metrics.report());
        console.out().println("wrote " + output);
        return metrics;
    }

    /**
     * Evaluates on the labelled scans at {@code source} (a folder per class or a CSV), read as {@code score}
     * reads files; writes the metrics, with the skipped files and the first mistakes, to {@code output}
     * and a report beside it.
     */
    public static TestMetrics runOnScans(SparkSession spark, String modelFile, String source, Preprocessing preprocessing, String output,
            boolean overwrite, Console console) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        ModelFile.Loaded model = load(modelFile, output, overwrite, conf);
        LabeledScans scans = LabeledScans.read(spark, source, preprocessing, model.info().shape());
        console.out().print(scans.describe());
        TestMetrics metrics = Evaluator.evaluate(JavaSparkContext.fromSparkContext(spark.sparkContext()), model.network(),
                model.info().temperature(), scans.images(), console);
        List<EvaluationReport.WrongScan> wrong = metrics.shownMistakes().stream()
                .map(m -> new EvaluationReport.WrongScan(scans.path(m.index()), m)).toList();
        Map<String, Object> json = new LinkedHashMap<>(metrics.toJson());
        json.put("temperature", model.info().temperature());
        json.put("test_data", source);
        json.put("model", modelFile);
        json.put("preprocess", preprocessing.name().toLowerCase(Locale.ROOT));
        json.put("images", scans.toJson());
        json.put("mistakes", wrong.stream().map(w -> Map.of("path", w.path(), "label", w.mistake().label(),
                "predicted", w.mistake().predicted(), "confidence", w.mistake().confidence())).toList());
        JsonFile.write(output, conf, json);
        String report = EvaluationReport.location(output);
        EvaluationReport.write(report, conf, json, model.info().shape().rows(), model.info().shape().cols(), wrong);
        console.out().print(metrics.report());
        console.out().println("wrote " + output + " and the report " + report);
        return metrics;
    }

    private static ModelFile.Loaded load(String modelFile, String output, boolean overwrite, Configuration conf) throws IOException {
        if (!overwrite && Storage.isFile(output, conf)) {
            throw new IllegalArgumentException(output + ": already exists; choose another --output or add --mode overwrite");
        }
        return ModelFile.load(modelFile, conf);
    }
}
