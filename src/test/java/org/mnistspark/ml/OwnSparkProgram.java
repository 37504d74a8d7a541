package org.mnistspark.ml;

import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mnistspark.model.NativeBackend;

/**
 * A Spark program of a user's own, which knows nothing of conf/spark-defaults.conf (no plugin, Kryo as its
 * serializer): reads MNIST test images (args[1]) with the model at args[0] and prints the accuracy, fits a model
 * of its own on them for a few steps and predicts with it, and prints the convolution path the network ran on.
 */
public final class OwnSparkProgram {
    private OwnSparkProgram() {}

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("own program")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        Dataset<Row> test = spark.read().format("idx").load(args[1]).orderBy("index").limit(200);
        Dataset<Row> predictions = DigitClassificationModel.fromModelFile(args[0]).setFeaturesCol("image").transform(test);
        System.out.println("accuracy " + new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(predictions));
        // Four workers: their results are summed through a shuffle, which Kryo serializes too.
        DigitClassificationModel fitted = new DigitClassifier().setFeaturesCol("image").setSteps(4).setWorkers(4).setAveragingFrequency(1)
                .fit(test);
        System.out.println("fitted, then predicted " + fitted.transform(test).filter("error IS NULL").count());
        System.out.println(NativeBackend.describe());
        spark.stop();
    }
}
