package org.mnistspark.evaluate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistspark.data.Batch;
import org.mnistspark.data.LabeledImages;
import org.mnistspark.idx.IdxImageSet.Example;
import org.mnistspark.model.BroadcastModel;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.progress.Console;
import org.mnistspark.progress.Progress;
import org.mnistspark.report.Mistake;
import org.nd4j.linalg.api.ndarray.INDArray;
import scala.Function1;
import scala.Function2;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/** Scores a network on a labelled set in one distributed pass: predictions on the executors, counts merged on the driver. */
public final class Evaluator {
    /** Plain progress lines: one per this many examples. */
    private static final int EXAMPLES_PER_LINE = 2000;
    /** Probabilities are clipped here so that one confident mistake cannot make the loss infinite. */
    private static final double MIN_PROBABILITY = 1e-12;

    private Evaluator() {}

    /**
     * Evaluates every partition in one Spark job, so that no core waits for another between chunks,
     * reporting progress as each task ends; the network's probabilities are read at {@code temperature},
     * as scoring reads them.
     */
    public static TestMetrics evaluate(JavaSparkContext sc, MultiLayerNetwork network, double temperature, LabeledImages test,
            Console console) {
        BroadcastModel model = BroadcastModel.of(sc, network, temperature);
        int classes = test.shape().classes();
        JavaRDD<Example> examples = test.examples();
        Progress progress = console.progress("evaluate", "test images", 0, test.count(), EXAMPLES_PER_LINE, 1);
        ArrivingMetrics metrics = new ArrivingMetrics(examples.getNumPartitions(), TestMetrics.empty(classes, temperature != 1), progress);
        try {
            sc.setJobDescription(String.format("evaluate: %,d test images", test.count()));
            // Spark hands each task's result to the handler, on the driver, as the task ends.
            sc.sc().runJob(examples.rdd(),
                    (Function1<scala.collection.Iterator<Example>, TestMetrics> & Serializable) partition ->
                            evaluatePartition(model, JavaConverters.asJavaIterator(partition), classes),
                    (Function2<Object, TestMetrics, BoxedUnit>) (partition, result) -> {
                        metrics.arrived((Integer) partition, result);
                        return BoxedUnit.UNIT;
                    },
                    ClassTag$.MODULE$.apply(TestMetrics.class));
            return metrics.total();
        } finally {
            progress.close();
            sc.setJobDescription(null);
            model.release();
        }
    }

    private static TestMetrics evaluatePartition(BroadcastModel model, Iterator<Example> examples, int classes) {
        TestMetrics total = TestMetrics.empty(classes, model.temperature() != 1);
        List<Example> chunk = new ArrayList<>(DeepMnistCnn.PREDICTION_BATCH);
        while (examples.hasNext()) {
            chunk.add(examples.next());
            if (chunk.size() == DeepMnistCnn.PREDICTION_BATCH || !examples.hasNext()) {
                total = total.plus(evaluateBatch(model, chunk, classes));
                chunk.clear();
            }
        }
        return total;
    }

    private static TestMetrics evaluateBatch(BroadcastModel model, List<Example> examples, int classes) {
        Batch batch = Batch.of(examples);
        INDArray unscaledRows = model.predictUnscaled(batch.features());
        // Read back once into Java arrays, not with several ND4J calls per example.
        float[][] probabilities = model.atTemperature(unscaledRows).toFloatMatrix();
        float[][] unscaled = unscaledRows.toFloatMatrix();
        boolean scaled = model.temperature() != 1;
        long[][] confusion = new long[classes][classes];
        double loss = 0;
        List<Mistake> mistakes = new ArrayList<>();
        int[] kept = new int[classes];
        Calibration calibration = Calibration.empty();
        Calibration beforeScaling = scaled ? Calibration.empty() : null;
        for (int i = 0; i < batch.size(); i++) {
            int actual = batch.labels()[i];
            int predicted = argMax(probabilities[i]);
            confusion[actual][predicted]++;
            calibration.add(probabilities[i][predicted], predicted == actual);
            if (scaled) {
                beforeScaling.add(unscaled[i][predicted], predicted == actual);
            }
            loss -= Math.log(Math.max(MIN_PROBABILITY, probabilities[i][actual]));
            if (predicted != actual && kept[actual]++ < TestMetrics.MISTAKES_KEPT) {
                mistakes.add(new Mistake(examples.get(i).index(), actual, predicted, probabilities[i][predicted],
                        examples.get(i).pixels()));
            }
        }
        return new TestMetrics(confusion, loss, mistakes, calibration, beforeScaling);
    }

    /** The first class of highest probability, as nd4j's argMax picks it. */
    private static int argMax(float[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }
}
