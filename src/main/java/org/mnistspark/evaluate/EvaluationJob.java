package org.mnistspark.evaluate;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.mnistspark.data.LabeledImages;
import org.mnistspark.files.Storage;
import org.mnistspark.run.JsonFile;
import org.mnistspark.idx.MnistFiles.Split;
import org.mnistspark.model.ModelFile;
import org.mnistspark.progress.Console;

/** Evaluates a saved model on the test split of a data directory. */
public final class EvaluationJob {
    private EvaluationJob() {}

    /** Writes the metrics to {@code output}, which must not exist unless {@code overwrite}. */
    public static TestMetrics run(SparkSession spark, String modelFile, String dataDir, String output, boolean overwrite,
            Console console) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        if (!overwrite && Storage.isFile(output, conf)) {
            throw new IllegalArgumentException(output + ": already exists; choose another --output or add --mode overwrite");
        }
        ModelFile.Loaded model = ModelFile.load(modelFile, conf);
        LabeledImages test = LabeledImages.read(spark, dataDir, Split.TEST, model.info().shape().classes());
        if (!test.shape().equals(model.info().shape())) {
            throw new IllegalArgumentException(test.path() + ": images are " + test.shape() + " but the model reads " + model.info().shape());
        }
        TestMetrics metrics = Evaluator.evaluate(JavaSparkContext.fromSparkContext(spark.sparkContext()), model.network(),
                model.info().temperature(), test, console);
        Map<String, Object> json = new LinkedHashMap<>(metrics.toJson());
        json.put("temperature", model.info().temperature());
        json.put("test_data", test.path());
        json.put("model", modelFile);
        JsonFile.write(output, conf, json);
        console.out().print(metrics.report());
        console.out().println("wrote " + output);
        return metrics;
    }
}
