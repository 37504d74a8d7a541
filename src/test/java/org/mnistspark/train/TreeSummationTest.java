package org.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.augment.Augmenter;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.InputShape;
import org.mnistspark.testing.TestSpark;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The workers' results summed on the executors, two at a time, against the plain mean the driver
 * takes of every worker's result: the same training within float rounding, and what the driver
 * receives, counted from Spark's task metrics.
 */
class TreeSummationTest {
    private static final Hyperparameters HP = Hyperparameters.seedRecipe().withLearningRate(1e-3);
    private static final InputShape SHAPE = RandomDigits.SHAPE;
    private static final TrainingSet DATA = RandomDigits.of(1_000, 7);
    private static final StepOrder ORDER = new StepOrder(DATA.count(), HP.batchSize(), HP.seed());
    /**
     * Float rounding: a sum of four floats taken in another order differs by a few units in the last
     * place (6e-8 of a value) of its largest term. A worker's result left out, or counted twice, moves the
     * mean by a quarter of the workers' differences, orders of magnitude more.
     */
    private static final double TOLERANCE = 1e-6;
    /** The parameters and Adam's two moments: 3 floats of 4 bytes for each parameter. */
    private static final long STATE_BYTES = 3L * 4 * network().numParams();

    private static MultiLayerNetwork network() {
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(SHAPE, HP, 100));
        network.init();
        return network;
    }

    private static ParameterAveraging averaging(MultiLayerNetwork network, int workers, int frequency, long runSteps) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        // Plain averaging: block momentum acts on the driver, after the sum these tests are about.
        MomentumBuffer plain = MomentumBuffer.startingAtZero(BlockMomentum.PLAIN, network.numParams());
        return new ParameterAveraging(sc, network, DATA, ORDER, workers, frequency, plain, new Targets(SHAPE.classes(), 0),
                new Augmenter(Augmentation.NONE, SHAPE.rows(), SHAPE.cols(), HP.seed()), HP.seed(), runSteps, true);
    }

    /**
     * Each round from the same start, three rounds on: the tree and the plain mean sum the same four
     * results in another order, so they may differ in their last bits, no more. (Rounds that went on
     * from their own results would drift further apart: Adam divides by the square root of second
     * moments that can be tiny, which magnifies differences in the last bits.)
     */
    @Test
    void fourWorkersSummedInATreeAverageAsThePlainMeanWithinFloatRounding() {
        MultiLayerNetwork tree = network();
        MultiLayerNetwork plain = network();
        int rounds = 3;
        int roundSteps = 4 * 5;
        boolean anyBitDiffers = false;
        try (ParameterAveraging treeSums = averaging(tree, 4, 5, rounds * roundSteps);
                ParameterAveraging plainMean = averaging(plain, 4, 5, rounds * roundSteps)) {
            plainMean.collectEveryWorker();
            for (int round = 0; round < rounds; round++) {
                plain.setParams(tree.params().dup());
                plain.getUpdater().getStateViewArray().assign(tree.getUpdater().getStateViewArray());
                plain.setIterationCount(tree.getIterationCount());
                double treeLoss = treeSums.round(round * roundSteps, (round + 1) * roundSteps);
                double plainLoss = plainMean.round(round * roundSteps, (round + 1) * roundSteps);

                double parameters = relativeDifference(plain.params(), tree.params());
                double state = relativeDifference(plain.getUpdater().getStateViewArray(), tree.getUpdater().getStateViewArray());
                System.out.printf("round %d of 4 workers, tree against plain mean: parameters %.3g, Adam's state %.3g of the largest value%n",
                        round + 1, parameters, state);
                assertTrue(parameters < TOLERANCE, "round " + (round + 1) + ": parameters differ by " + parameters);
                assertTrue(state < TOLERANCE, "round " + (round + 1) + ": Adam's state differs by " + state);
                assertEquals(plainLoss, treeLoss, 1e-12 * plainLoss);
                anyBitDiffers |= parameters > 0 || state > 0;
            }
        }
        // Not the same code twice: summed in another order, some floats round differently.
        assertTrue(anyBitDiffers, "the tree summed exactly as the plain mean");
    }

    @Test
    void theDriverReceivesTwoPartialSumsOfEightWorkersWhereThePlainMeanBringsEight() {
        ParameterAveraging.Traffic tree = traffic(averaging -> {});
        assertEquals(2, tree.copies());
        long treeBytes = tree.bytes();
        assertTrue(treeBytes >= 2 * STATE_BYTES && treeBytes < 3 * STATE_BYTES, treeBytes + " bytes");

        ParameterAveraging.Traffic plain = traffic(ParameterAveraging::collectEveryWorker);
        assertEquals(8, plain.copies());
        long plainBytes = plain.bytes();
        assertTrue(plainBytes >= 8 * STATE_BYTES && plainBytes < 9 * STATE_BYTES, plainBytes + " bytes");
    }

    /** What the driver received in two rounds of eight workers of one step each. */
    private static ParameterAveraging.Traffic traffic(Consumer<ParameterAveraging> setUp) {
        try (ParameterAveraging averaging = averaging(network(), 8, 1, 16)) {
            setUp.accept(averaging);
            averaging.round(0, 8);
            averaging.round(8, 16);
            return averaging.traffic().orElseThrow();
        }
    }

    /** The largest difference, as a fraction of the largest value. */
    private static double relativeDifference(INDArray expected, INDArray actual) {
        return expected.sub(actual).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue();
    }
}
