package org.mnistspark.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.mnistspark.idx.MnistFiles.Split;
import org.mnistspark.model.ModelFile;

/** Evaluates a saved model on the test split of a data directory. */
public final class EvaluationJob {
    private EvaluationJob() {}

    /** Writes the metrics to {@code output}, which must not exist unless {@code overwrite}. */
    public static TestMetrics run(SparkSession spark, Path modelFile, String dataDir, Path output, boolean overwrite,
            PrintWriter out) throws IOException {
        if (!overwrite && Files.exists(output)) {
            throw new IllegalArgumentException(output + ": already exists; choose another --output or add --mode overwrite");
        }
        ModelFile.Loaded model = ModelFile.load(modelFile);
        LabeledImages test = LabeledImages.read(spark, dataDir, Split.TEST, model.info().shape().classes());
        if (!test.shape().equals(model.info().shape())) {
            throw new IllegalArgumentException(test.path() + ": images are " + test.shape() + " but the model reads " + model.info().shape());
        }
        TestMetrics metrics = Evaluator.evaluate(JavaSparkContext.fromSparkContext(spark.sparkContext()), model.network(), test);
        Map<String, Object> json = new LinkedHashMap<>(metrics.toJson());
        json.put("test_data", test.path());
        json.put("model", modelFile.toString());
        MetricsFile.write(output, json);
        out.print(metrics.report());
        out.println("wrote " + output);
        return metrics;
    }
}
