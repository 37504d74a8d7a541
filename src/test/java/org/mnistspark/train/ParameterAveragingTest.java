package org.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.augment.Augmenter;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.ModelInfo;
import org.mnistspark.model.PackedFloats;
import org.mnistspark.testing.TestSpark;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Parameter averaging on a real local[2] Spark: what it computes, and that it computes it the same way every time. */
class ParameterAveragingTest {
    private static final InputShape SHAPE = RandomDigits.SHAPE;
    private static final int CLASSES = SHAPE.classes();
    private static final Targets TARGETS = new Targets(CLASSES, 0);
    private static final Hyperparameters HP = Hyperparameters.seedRecipe().withLearningRate(1e-3);
    private static final TrainingSet DATA = RandomDigits.of(400, 5);
    private static final StepOrder ORDER = new StepOrder(DATA.count(), HP.batchSize(), HP.seed());
    /**
     * Float rounding of the driver's arithmetic, and of the same round taken twice from the same start: a
     * few units in the last place (6e-8) of the largest value.
     */
    private static final double ROUNDING = 1e-6;
    /** The length of the run the rounds belong to, as their Spark job descriptions count it. */
    private static final long RUN_STEPS = 18;

    @TempDir
    Path dir;

    private static MultiLayerNetwork network() {
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(SHAPE, HP, 1));
        network.init();
        return network;
    }

    /** Plain averaging. */
    private static ParameterAveraging averaging(MultiLayerNetwork network, int workers, int frequency) {
        return averaging(network, workers, frequency, Augmentation.NONE, BlockMomentum.PLAIN);
    }

    /** A run's averaging from its start: the momentum buffer at zero. */
    private static ParameterAveraging averaging(MultiLayerNetwork network, int workers, int frequency, Augmentation augmentation,
            BlockMomentum blockMomentum) {
        return averaging(network, workers, frequency, augmentation, MomentumBuffer.startingAtZero(blockMomentum, network.numParams()));
    }

    private static ParameterAveraging averaging(MultiLayerNetwork network, int workers, int frequency, Augmentation augmentation,
            MomentumBuffer momentum) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        return new ParameterAveraging(sc, network, DATA, ORDER, workers, frequency, momentum, TARGETS,
                new Augmenter(augmentation, SHAPE.rows(), SHAPE.cols(), HP.seed()), HP.seed(), RUN_STEPS, true);
    }

    @Test
    void eachRoundIsASparkJobDescribedAsTheRoundOfTheRun() throws Exception {
        List<String> descriptions = new CopyOnWriteArrayList<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart job) {
                descriptions.add(job.properties().getProperty("spark.job.description"));
            }
        };
        SparkContext sc = TestSpark.session().sparkContext();
        sc.addSparkListener(listener);
        try (ParameterAveraging averaging = averaging(network(), 2, 3)) {
            averaging.round(0, 6);
            averaging.round(6, 12);
        } finally {
            // The listener bus delivers events on its own thread; wait until it has passed these on.
            sc.listenerBus().waitUntilEmpty();
            sc.removeSparkListener(listener);
        }
        assertEquals(List.of("train: averaging round 1 of 3", "train: averaging round 2 of 3"), descriptions);
    }

    /** With the default block momentum for one worker, which is none. */
    @Test
    void oneWorkerTrainsExactlyAsAPlainLoopOverTheSameMinibatches() {
        MultiLayerNetwork spark = network();
        MultiLayerNetwork plain = network();
        plain.setParams(spark.params().dup());
        try (ParameterAveraging averaging = averaging(spark, 1, 4, Augmentation.NONE, new BlockMomentum(BlockMomentum.defaultFor(1), false))) {
            averaging.round(0, 4);
            averaging.round(4, 8);
            averaging.round(8, 10);
        }
        for (long step = 0; step < 10; step++) {
            Nd4j.getRandom().setSeed(HP.seed() * 1_000_003L + step);
            plain.fit(TARGETS.of(DATA.batch(ORDER.examplesOf(step))));
        }
        assertEquals(10, plain.getIterationCount());
        assertEquals(12, spark.getIterationCount(), "three rounds of four updates, the last cut short");
        assertClose(plain.params(), spark.params(), 1e-4);
        assertClose(plain.getUpdater().getStateViewArray(), spark.getUpdater().getStateViewArray(), 1e-4);
    }

    @Test
    void twoWorkersEndWithTheMeanOfWhatEachTrained() {
        MultiLayerNetwork spark = network();
        MultiLayerNetwork first = network();
        MultiLayerNetwork second = network();
        first.setParams(spark.params().dup());
        second.setParams(spark.params().dup());
        double loss;
        try (ParameterAveraging averaging = averaging(spark, 2, 3)) {
            loss = averaging.round(0, 6);
        }
        double lossSum = 0;
        for (long step = 0; step < 3; step++) {
            Nd4j.getRandom().setSeed(HP.seed() * 1_000_003L + step);
            first.fit(TARGETS.of(DATA.batch(ORDER.examplesOf(step))));
            Nd4j.getRandom().setSeed(HP.seed() * 1_000_003L + step + 3);
            second.fit(TARGETS.of(DATA.batch(ORDER.examplesOf(step + 3))));
            lossSum += first.score() + second.score();
        }
        assertEquals(lossSum / 6, loss, 1e-4 * loss, "the round's loss is the mean of its six minibatches'");
        assertClose(first.params().add(second.params()).divi(2), spark.params(), 1e-2);
        assertClose(first.getUpdater().getStateViewArray().add(second.getUpdater().getStateViewArray()).divi(2),
                spark.getUpdater().getStateViewArray(), 1e-2);
    }

    /** DL4J's training master persisted an RDD in every fit and never released it; rounds here persist nothing. */
    @Test
    void roundsLeaveNoRddPersisted() {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        int before = sc.getPersistentRDDs().size();
        try (ParameterAveraging averaging = averaging(network(), 2, 1)) {
            for (long step = 0; step < 6; step += 2) {
                averaging.round(step, step + 2);
            }
        }
        assertEquals(before, sc.getPersistentRDDs().size());
    }

    @Test
    void aRunStoppedAtACheckpointAndResumedEndsWhereTheRunLeftAloneEnds() throws IOException {
        assertResumedRunEndsAsTheRunLeftAlone(2, Augmentation.NONE, BlockMomentum.PLAIN);
    }

    /** Each minibatch's augmentation is a function of the seed and the step, so the resumed run sees the same images. */
    @Test
    void anAugmentedRunResumedAtACheckpointEndsWhereTheRunLeftAloneEnds() throws IOException {
        assertResumedRunEndsAsTheRunLeftAlone(2, Augmentation.DEFAULT, BlockMomentum.PLAIN);
    }

    /** Four workers' results are summed on the executors in a tree, always in the same order, whatever order they finish in. */
    @Test
    void aRunOfFourWorkersResumedAtACheckpointEndsBitForBitWhereTheRunLeftAloneEnds() throws IOException {
        assertResumedRunEndsAsTheRunLeftAlone(4, Augmentation.NONE, BlockMomentum.PLAIN);
    }

    /** The momentum buffer is the driver's own state: the checkpoint keeps it beside the network. */
    @Test
    void aRunWithBlockMomentumResumedAtACheckpointEndsBitForBitWhereTheRunLeftAloneEnds() throws IOException {
        assertResumedRunEndsAsTheRunLeftAlone(2, Augmentation.NONE, new BlockMomentum(0.5, false));
    }

    /** The look-ahead the workers start from is derived from the checkpointed parameters and buffer, to the same bits. */
    @Test
    void aRunWithNesterovsBlockMomentumResumedAtACheckpointEndsBitForBitWhereTheRunLeftAloneEnds() throws IOException {
        assertResumedRunEndsAsTheRunLeftAlone(4, Augmentation.NONE, new BlockMomentum(0.75, true));
    }

    /**
     * Δ₁ = w̄₁ − w₀ and w₁ = w₀ + Δ₁ after the first round, then Δ₂ = 0.5·Δ₁ + (w̄₂ − w₁) and w₂ = w₁ + Δ₂,
     * where w̄ is the mean of the two workers' parameters, as plain averaging gives it from the same start.
     */
    @Test
    void blockMomentumMovesTheParametersByTheWorkersMeanMovePlusMomentumTimesTheLastMove() {
        assertTheSecondRoundMovesAsTheFormulaSays(new BlockMomentum(0.5, false));
    }

    /**
     * The same with the second round's workers starting from the look-ahead s₂ = w₁ + 0.5·Δ₁, and their
     * move measured from there: Δ₂ = 0.5·Δ₁ + (w̄₂ − s₂), so that w₂ = w₁ + Δ₂ is their mean w̄₂.
     */
    @Test
    void nesterovsBlockMomentumStartsTheWorkersFromTheLookAheadAndMeasuresTheirMoveFromThere() {
        assertTheSecondRoundMovesAsTheFormulaSays(new BlockMomentum(0.5, true));
    }

    @Test
    void augmentationChangesWhatTheWorkersTrainOn() {
        MultiLayerNetwork plain = network();
        MultiLayerNetwork augmented = network();
        augmented.setParams(plain.params().dup());
        try (ParameterAveraging averaging = averaging(plain, 2, 3)) {
            averaging.round(0, 6);
        }
        try (ParameterAveraging averaging = averaging(augmented, 2, 3, Augmentation.DEFAULT, BlockMomentum.PLAIN)) {
            averaging.round(0, 6);
        }
        double difference = plain.params().sub(augmented.params()).amaxNumber().doubleValue();
        assertTrue(difference > 1e-3, "augmented and plain rounds differ by only " + difference);
    }

    /**
     * Three rounds of {@code workers} averaging every 3 steps, and the same interrupted after the first and
     * resumed from a checkpoint as the training job saves and reads it. Equal to the bit.
     */
    private void assertResumedRunEndsAsTheRunLeftAlone(int workers, Augmentation augmentation, BlockMomentum blockMomentum)
            throws IOException {
        int round = workers * 3;
        MultiLayerNetwork alone = network();
        MultiLayerNetwork interrupted = network();
        interrupted.setParams(alone.params().dup());
        try (ParameterAveraging averaging = averaging(alone, workers, 3, augmentation, blockMomentum)) {
            for (long step = 0; step < 3 * round; step += round) {
                averaging.round(step, step + round);
            }
        }
        Path checkpoint = dir.resolve("checkpoint.zip");
        try (ParameterAveraging averaging = averaging(interrupted, workers, 3, augmentation, blockMomentum)) {
            averaging.round(0, round);
            ModelFile.save(interrupted, new ModelInfo(SHAPE, round, "random digits"), averaging.checkpointArrays(),
                    checkpoint.toString(), new Configuration());
        }
        ModelFile.Loaded loaded = ModelFile.load(checkpoint.toString(), new Configuration());
        assertEquals(blockMomentum.plain() ? 0 : 1, loaded.arrays().size(), "arrays beside the network");
        for (INDArray buffer : loaded.arrays().values()) {
            assertTrue(buffer.amaxNumber().doubleValue() > 1e-4, "the momentum buffer after a round: " + buffer.amaxNumber());
        }
        MultiLayerNetwork resumed = loaded.network();
        MomentumBuffer momentum = MomentumBuffer.restore(blockMomentum, loaded.arrays(), checkpoint.toString());
        try (ParameterAveraging averaging = averaging(resumed, workers, 3, augmentation, momentum)) {
            averaging.round(round, 2 * round);
            averaging.round(2 * round, 3 * round);
        }
        assertEquals(alone.getIterationCount(), resumed.getIterationCount());
        // Bit for bit: INDArray's equals allows a difference of 1e-5.
        assertArrayEquals(PackedFloats.of(alone.params()).bytes(), PackedFloats.of(resumed.params()).bytes());
        assertArrayEquals(PackedFloats.of(alone.getUpdater().getStateViewArray()).bytes(),
                PackedFloats.of(resumed.getUpdater().getStateViewArray()).bytes());
    }

    /**
     * Two rounds of two workers with {@code blockMomentum}, each round replayed by plain averaging from
     * where the round's workers started, with the same Adam state: its result is the workers' mean w̄,
     * from which the formula gives the parameters block momentum must end with.
     */
    private static void assertTheSecondRoundMovesAsTheFormulaSays(BlockMomentum blockMomentum) {
        float momentum = (float) blockMomentum.momentum();
        MultiLayerNetwork filtered = network();
        MultiLayerNetwork plain = network();
        INDArray w0 = filtered.params().dup();
        try (ParameterAveraging withMomentum = averaging(filtered, 2, 3, Augmentation.NONE, blockMomentum);
                ParameterAveraging plainMean = averaging(plain, 2, 3)) {
            startAt(plain, filtered, w0);
            withMomentum.round(0, 6);
            plainMean.round(0, 6);
            INDArray delta1 = plain.params().sub(w0);
            INDArray w1 = filtered.params().dup();
            assertClose(w0.add(delta1), w1, ROUNDING);

            INDArray s2 = blockMomentum.nesterov() ? delta1.mul(momentum).addi(w1) : w1;
            startAt(plain, filtered, s2);
            withMomentum.round(6, 12);
            plainMean.round(6, 12);
            INDArray delta2 = delta1.mul(momentum).addi(plain.params().sub(s2));
            assertClose(w1.add(delta2), filtered.params(), ROUNDING);
            assertClose(plain.getUpdater().getStateViewArray(), filtered.getUpdater().getStateViewArray(), ROUNDING);

            // Where the momentum shows: in the parameters the round ends with, off the workers' mean; with the
            // look-ahead, in where the workers start, off the parameters (and the round ends at their mean).
            INDArray plainAveraging = blockMomentum.nesterov() ? w1 : plain.params();
            INDArray moved = blockMomentum.nesterov() ? s2 : filtered.params();
            double share = moved.sub(plainAveraging).amaxNumber().doubleValue() / plainAveraging.amaxNumber().doubleValue();
            assertTrue(share > 1000 * ROUNDING, "block momentum moved the parameters by only " + share + " of the largest");
        }
    }

    /** Sets {@code network} to start a round from {@code parameters} with {@code from}'s Adam state and update count. */
    private static void startAt(MultiLayerNetwork network, MultiLayerNetwork from, INDArray parameters) {
        network.setParams(parameters.dup());
        network.getUpdater().getStateViewArray().assign(from.getUpdater().getStateViewArray());
        network.setIterationCount(from.getIterationCount());
    }

    /**
     * Equal within {@code tolerance} of the largest value. A worker trained alone matches a plain loop to
     * float rounding (1e-4: other network instances, whose native kernels may sum in another order); the
     * second of two workers trained at once drifts further from its plain twin (about 7e-3), for reasons
     * not yet found. A minibatch out of place, or a missing average, differs by far more.
     */
    private static void assertClose(INDArray expected, INDArray actual, double tolerance) {
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        double scale = expected.amaxNumber().doubleValue();
        assertTrue(difference <= tolerance * scale, "differ by " + difference + " at a scale of " + scale);
    }
}
