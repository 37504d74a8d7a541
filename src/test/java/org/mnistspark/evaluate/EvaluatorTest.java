package org.mnistspark.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mnistspark.data.LabeledImages;
import org.mnistspark.idx.MnistFiles.Split;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.InputShape;
import org.mnistspark.progress.Console;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.TestSpark;

/** Evaluation on the real local[2] session: one Spark job for the whole set, its progress moved on as its tasks end. */
class EvaluatorTest {
    @Test
    void theWholeTestSetIsOneSparkJobWhoseProgressMovesOnAsTasksEnd() throws Exception {
        SparkSession spark = TestSpark.session();
        LabeledImages test = LabeledImages.read(spark, TestData.mnist().toString(), Split.TEST, InputShape.MNIST.classes(), false);
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(InputShape.MNIST, Hyperparameters.seedRecipe(), 1));
        network.init();
        StringWriter out = new StringWriter();
        List<String> jobs = new CopyOnWriteArrayList<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart job) {
                jobs.add(job.properties().getProperty("spark.job.description"));
            }
        };
        SparkContext sc = spark.sparkContext();
        sc.addSparkListener(listener);
        TestMetrics metrics;
        try {
            // A temperature other than 1, so that the calibration before it is counted too.
            metrics = Evaluator.evaluate(JavaSparkContext.fromSparkContext(sc), network, 0.5, test, Console.plain(new PrintWriter(out)));
        } finally {
            // The listener bus delivers events on its own thread; wait until it has passed these on.
            sc.listenerBus().waitUntilEmpty();
            sc.removeSparkListener(listener);
        }

        assertEquals(List.of("evaluate: 10,000 test images"), jobs);
        assertEquals(10_000, metrics.examples());
        assertNotNull(metrics.unscaled());
        // 1,000 images a partition: a plain line each time another 2,000 are done, the last with the whole set's accuracy.
        List<String> lines = out.toString().lines().toList();
        assertEquals(List.of("test images 2000/10000", "test images 4000/10000", "test images 6000/10000", "test images 8000/10000",
                "test images 10000/10000"), lines.stream().map(l -> l.substring(0, l.indexOf(','))).toList(), out.toString());
        assertEquals(String.format("accuracy %.4f", metrics.accuracy()), lines.get(4).split(", ")[1]);
    }
}
