package org.mnistspark.evaluate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistspark.data.Batch;
import org.mnistspark.data.LabeledImages;
import org.mnistspark.idx.IdxImageSet.Example;
import org.mnistspark.model.BroadcastModel;
import org.mnistspark.progress.Console;
import org.mnistspark.progress.Progress;
import org.mnistspark.report.Mistake;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Scores a network on a labelled set in one distributed pass: predictions on the executors, counts merged on the driver. */
public final class Evaluator {
    private static final int BATCH = 500;
    /** Probabilities are clipped here so that one confident mistake cannot make the loss infinite. */
    private static final double MIN_PROBABILITY = 1e-12;

    private Evaluator() {}

    /**
     * Evaluates a few partitions per Spark job, as many as run at once, reporting progress after each;
     * the network's probabilities are read at {@code temperature}, as scoring reads them.
     */
    public static TestMetrics evaluate(JavaSparkContext sc, MultiLayerNetwork network, double temperature, LabeledImages test,
            Console console) {
        BroadcastModel model = BroadcastModel.of(sc, network, temperature);
        int classes = test.shape().classes();
        JavaRDD<TestMetrics> perPartition = test.examples()
                .mapPartitions(examples -> List.of(evaluatePartition(model, examples, classes)).iterator());
        int partitions = perPartition.getNumPartitions();
        int perJob = Math.max(1, sc.defaultParallelism());
        Progress progress = console.progress("evaluate", "test images", 0, test.count(), 1, 1);
        TestMetrics total = TestMetrics.empty(classes, temperature != 1);
        try {
            for (int first = 0; first < partitions; first += perJob) {
                sc.setJobDescription(String.format("evaluate: %,d of %,d test images", total.examples(), test.count()));
                for (List<TestMetrics> part : perPartition.collectPartitions(
                        IntStream.range(first, Math.min(partitions, first + perJob)).toArray())) {
                    total = total.plus(part.get(0));
                }
                TestMetrics sofar = total;
                progress.update(total.examples(), () -> String.format("accuracy %.4f", sofar.accuracy()));
            }
            return total;
        } finally {
            progress.close();
            sc.setJobDescription(null);
            model.release();
        }
    }

    private static TestMetrics evaluatePartition(BroadcastModel model, Iterator<Example> examples, int classes) {
        TestMetrics total = TestMetrics.empty(classes, model.temperature() != 1);
        List<Example> chunk = new ArrayList<>(BATCH);
        while (examples.hasNext()) {
            chunk.add(examples.next());
            if (chunk.size() == BATCH || !examples.hasNext()) {
                total = total.plus(evaluateBatch(model, chunk, classes));
                chunk.clear();
            }
        }
        return total;
    }

    private static TestMetrics evaluateBatch(BroadcastModel model, List<Example> examples, int classes) {
        Batch batch = Batch.of(examples);
        INDArray unscaled = model.predictUnscaled(batch.features());
        INDArray probabilities = model.atTemperature(unscaled);
        boolean scaled = model.temperature() != 1;
        long[][] confusion = new long[classes][classes];
        double loss = 0;
        List<Mistake> mistakes = new ArrayList<>();
        Calibration calibration = Calibration.empty();
        Calibration beforeScaling = scaled ? Calibration.empty() : null;
        for (int i = 0; i < batch.size(); i++) {
            int actual = batch.labels()[i];
            int predicted = probabilities.getRow(i).argMax().getInt(0);
            confusion[actual][predicted]++;
            calibration.add(probabilities.getDouble(i, predicted), predicted == actual);
            if (scaled) {
                beforeScaling.add(unscaled.getDouble(i, predicted), predicted == actual);
            }
            loss -= Math.log(Math.max(MIN_PROBABILITY, probabilities.getDouble(i, actual)));
            if (predicted != actual && mistakes.size() < TestMetrics.MISTAKES_KEPT) {
                mistakes.add(new Mistake(examples.get(i).index(), actual, predicted, probabilities.getDouble(i, predicted),
                        examples.get(i).pixels()));
            }
        }
        return new TestMetrics(confusion, loss, mistakes, calibration, beforeScaling);
    }
}
