package org.mnistspark.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.mnistspark.idx.MnistFiles.Split;
import org.mnistspark.model.ModelFile;
import org.mnistspark.progress.Console;

/** Evaluates a saved model on the test split of a data directory. */
public final class EvaluationJob {
    private EvaluationJob() {}

    public static TestMetrics run(SparkSession spark, Path modelFile, String dataDir, Path output, Console console)
            throws IOException {
        ModelFile.Loaded model = ModelFile.load(modelFile);
        LabeledImages test = LabeledImages.read(spark, dataDir, Split.TEST, model.info().shape().classes());
        if (!test.shape().equals(model.info().shape())) {
            throw new IllegalArgumentException(test.path() + ": images are " + test.shape() + " but the model reads " + model.info().shape());
        }
        TestMetrics metrics = Evaluator.evaluate(JavaSparkContext.fromSparkContext(spark.sparkContext()), model.network(), test, console);
        Map<String, Object> json = new LinkedHashMap<>(metrics.toJson());
        json.put("test_data", test.path());
        json.put("model", modelFile.toString());
        MetricsFile.write(output, json);
        console.out().print(metrics.report());
        console.out().println("wrote " + output);
        return metrics;
    }
}
