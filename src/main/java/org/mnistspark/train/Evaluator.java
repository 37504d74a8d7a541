package org.mnistspark.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistspark.idx.IdxImageSet.Example;
import org.mnistspark.model.BroadcastModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Scores a network on a labelled set in one distributed pass: predictions on the executors, counts merged on the driver. */
public final class Evaluator {
    private static final int BATCH = 500;
    /** Probabilities are clipped here so that one confident mistake cannot make the loss infinite. */
    private static final double MIN_PROBABILITY = 1e-12;

    private Evaluator() {}

    static TestMetrics evaluate(JavaSparkContext sc, MultiLayerNetwork network, LabeledImages test) {
        BroadcastModel model = BroadcastModel.of(sc, network);
        int classes = test.shape().classes();
        try {
            return test.examples()
                    .mapPartitions(examples -> List.of(evaluatePartition(model, examples, classes)).iterator())
                    .reduce(TestMetrics::plus);
        } finally {
            model.release();
        }
    }

    private static TestMetrics evaluatePartition(BroadcastModel model, Iterator<Example> examples, int classes) {
        TestMetrics total = TestMetrics.empty(classes);
        List<Example> chunk = new ArrayList<>(BATCH);
        while (examples.hasNext()) {
            chunk.add(examples.next());
            if (chunk.size() == BATCH || !examples.hasNext()) {
                total = total.plus(evaluateBatch(model, Batch.of(chunk), classes));
                chunk.clear();
            }
        }
        return total;
    }

    private static TestMetrics evaluateBatch(BroadcastModel model, Batch batch, int classes) {
        INDArray probabilities = model.predict(batch.features());
        long[][] confusion = new long[classes][classes];
        double loss = 0;
        for (int i = 0; i < batch.size(); i++) {
            int actual = batch.labels()[i];
            int predicted = probabilities.getRow(i).argMax().getInt(0);
            confusion[actual][predicted]++;
            loss -= Math.log(Math.max(MIN_PROBABILITY, probabilities.getDouble(i, actual)));
        }
        return new TestMetrics(confusion, loss);
    }
}
