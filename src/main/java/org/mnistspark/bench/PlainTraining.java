package org.mnistspark.bench;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.NativeBackend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The seed's network and minibatch trained in a plain loop in this process, no Spark: Deeplearning4j's own speed. */
final class PlainTraining {
    private static final int POOL = 20;

    private PlainTraining() {}

    /** Images per second of each repeat of {@code steps} minibatches, after {@code warmup} untimed ones. */
    static List<Double> imagesPerSecond(int warmup, int steps, int repeats) {
        Hyperparameters hp = Hyperparameters.seedRecipe();
        // One thread, as the figure says, where OMP_NUM_THREADS asks for it (submit.sh does).
        NativeBackend.useConfiguredThreads();
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(InputShape.MNIST, hp, 1));
        network.init();
        Nd4j.getRandom().setSeed(hp.seed());
        List<DataSet> batches = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            INDArray labels = Nd4j.zeros(DataType.FLOAT, hp.batchSize(), InputShape.MNIST.classes());
            for (int j = 0; j < hp.batchSize(); j++) {
                labels.putScalar(j, (i * 7 + j) % InputShape.MNIST.classes(), 1f);
            }
            batches.add(new DataSet(Nd4j.rand(DataType.FLOAT, hp.batchSize(), InputShape.MNIST.pixels()), labels));
        }
        fit(network, batches, warmup);
        List<Double> figures = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            fit(network, batches, steps);
            figures.add(steps * (double) hp.batchSize() / ((System.nanoTime() - start) / 1e9));
        }
        return figures;
    }

    private static void fit(MultiLayerNetwork network, List<DataSet> batches, int steps) {
        for (int i = 0; i < steps; i++) {
            network.fit(batches.get(i % batches.size()));
        }
    }
}
