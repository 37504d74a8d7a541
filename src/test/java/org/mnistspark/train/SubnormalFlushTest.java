package org.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.augment.Augmenter;
import org.mnistspark.data.Batch;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.ModelInfo;
import org.mnistspark.model.Subnormals;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.TestSpark;

/**
 * A run long enough for Adam's state to sink into the subnormal range: the moments of a parameter whose
 * gradient has stopped shrink by 0.9 a step and reach it within about 700 updates. Real MNIST digits,
 * shrunk to 7×7 so that 800 steps take seconds.
 */
class SubnormalFlushTest {
    private static final int SIDE = 7;
    private static final InputShape SHAPE = new InputShape(SIDE, SIDE, 10);
    private static final long STEPS = 800;
    private static final Hyperparameters HP = Hyperparameters.seedRecipe().withLearningRate(1e-3);
    private static final TrainingSet TRAIN = shrunk("train", 5_000);
    private static final TrainingSet TEST = shrunk("t10k", 2_000);

    @TempDir
    Path dir;

    @Test
    void adamsSavedStateHoldsNoSubnormalFloatAndTheFlushLeavesAccuracyAsItWas() throws IOException {
        MultiLayerNetwork kept = train(false);
        MultiLayerNetwork flushed = train(true);

        long reached = Subnormals.count(kept.getUpdater().getStateViewArray());
        assertTrue(reached > 1_000, "the run without the flush must reach the subnormal range: " + reached + " values");
        Path model = dir.resolve("model.zip");
        ModelFile.save(flushed, new ModelInfo(SHAPE, STEPS, "shrunk MNIST"), model.toString(), new Configuration());
        MultiLayerNetwork saved = ModelFile.load(model.toString(), new Configuration()).network();
        assertEquals(0, Subnormals.count(saved.getUpdater().getStateViewArray()));
        assertEquals(0, Subnormals.count(saved.params()));

        double withFlush = accuracy(flushed);
        double without = accuracy(kept);
        assertTrue(withFlush > 0.85, "the short run learns: " + withFlush);
        assertEquals(without, withFlush, 0.0005, "test accuracy with and without the flush");
    }

    private static MultiLayerNetwork train(boolean flushSubnormals) {
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(SHAPE, HP, STEPS));
        network.init();
        StepOrder order = new StepOrder(TRAIN.count(), HP.batchSize(), HP.seed());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        try (ParameterAveraging averaging = new ParameterAveraging(sc, network, TRAIN, order, 1, 50,
                MomentumBuffer.startingAtZero(BlockMomentum.PLAIN, network.numParams()), new Targets(SHAPE.classes(), 0), new Augmenter(Augmentation.NONE, SHAPE.rows(), SHAPE.cols(), HP.seed()), HP.seed(), STEPS,
                flushSubnormals)) {
            for (long step = 0; step < STEPS; step += averaging.stepsPerRound()) {
                averaging.round(step, step + averaging.stepsPerRound());
            }
            assertEquals(flushSubnormals, averaging.flushedToZero() > 0, "values flushed to zero: " + averaging.flushedToZero());
        }
        return network;
    }

    private static double accuracy(MultiLayerNetwork network) {
        int[] all = new int[TEST.count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Batch batch = TEST.batch(all);
        var predicted = network.output(batch.features(), false).argMax(1);
        int correct = 0;
        for (int i = 0; i < all.length; i++) {
            correct += predicted.getInt(i) == batch.labels()[i] ? 1 : 0;
        }
        return (double) correct / all.length;
    }

    /** The first {@code count} digits of an MNIST split, each 4×4 block of pixels averaged into one. */
    private static TrainingSet shrunk(String prefix, int count) {
        List<Row> rows = TestSpark.session().read().format("idx")
                .load(TestData.mnist().resolve(prefix + "-images-idx3-ubyte.gz").toString())
                .orderBy("index").limit(count).collectAsList();
        int block = 28 / SIDE;
        int[] labels = new int[count];
        byte[] pixels = new byte[count * SHAPE.pixels()];
        for (int i = 0; i < count; i++) {
            labels[i] = rows.get(i).getInt(1);
            byte[] image = (byte[]) rows.get(i).get(2);
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    int sum = 0;
                    for (int y = 0; y < block; y++) {
                        for (int x = 0; x < block; x++) {
                            sum += image[(r * block + y) * 28 + c * block + x] & 0xff;
                        }
                    }
                    pixels[i * SHAPE.pixels() + r * SIDE + c] = (byte) (sum / (block * block));
                }
            }
        }
        return new TrainingSet(labels, pixels, SHAPE.pixels());
    }
}
