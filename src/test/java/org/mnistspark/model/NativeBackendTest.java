package org.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/** The oneDNN path computes what the built-in path computes, from the same weights and inputs. */
class NativeBackendTest {
    private static final int BATCH = 50;
    /** The 1,024-unit layer's index in the network. */
    private static final int DENSE = 4;
    private final String before = System.getProperty(NativeBackend.HELPERS_DISABLED);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(NativeBackend.HELPERS_DISABLED);
        } else {
            System.setProperty(NativeBackend.HELPERS_DISABLED, before);
        }
    }

    private static MultiLayerNetwork network(boolean oneDnn, INDArray params) {
        System.setProperty(NativeBackend.HELPERS_DISABLED, Boolean.toString(!oneDnn));
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(InputShape.MNIST, Hyperparameters.seedRecipe(), 1));
        network.init(params == null ? null : params.dup(), true);
        return network;
    }

    @Test
    void aTaskThreadRunsNativeCodeOnAsManyThreadsAsOmpNumThreadsSays() throws InterruptedException {
        assertEquals("1", System.getenv("OMP_NUM_THREADS"), "the build runs the tests with OMP_NUM_THREADS=1");
        Nd4j.getExecutioner();
        int[] threads = new int[2];
        Thread task = new Thread(() -> {
            threads[0] = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
            NativeBackend.useConfiguredThreads();
            threads[1] = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        });
        task.start();
        task.join();
        assertEquals(1, threads[1], "a new thread started with " + threads[0]);
    }

    @Test
    void theJarsNativesRunConvolutionAndPoolingThroughOneDnn() {
        MultiLayerNetwork fast = network(true, null);
        assertTrue(NativeBackend.oneDnn(), NativeBackend.describe());
        assertInstanceOf(MKLDNNConvHelper.class, fast.getLayer(0).getHelper());
        assertInstanceOf(MKLDNNSubsamplingHelper.class, fast.getLayer(1).getHelper());
        assertInstanceOf(MKLDNNConvHelper.class, fast.getLayer(2).getHelper());
        assertInstanceOf(MKLDNNSubsamplingHelper.class, fast.getLayer(3).getHelper());
        assertTrue(NativeBackend.describe().startsWith("convolution and pooling: oneDNN"), NativeBackend.describe());

        MultiLayerNetwork builtIn = network(false, null);
        assertFalse(NativeBackend.oneDnn());
        assertNull(builtIn.getLayer(0).getHelper());
        assertNull(builtIn.getLayer(1).getHelper());
        assertTrue(NativeBackend.describe().startsWith("convolution and pooling: built-in"), NativeBackend.describe());
    }

    @Test
    void bothPathsGiveTheSameOutputsAndGradients() {
        MultiLayerNetwork builtIn = network(false, null);
        MultiLayerNetwork fast = network(true, builtIn.params());
        assertEquals(builtIn.params(), fast.params());

        Nd4j.getRandom().setSeed(11);
        INDArray images = Nd4j.rand(DataType.FLOAT, BATCH, InputShape.MNIST.pixels());
        INDArray labels = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
        for (int i = 0; i < BATCH; i++) {
            labels.putScalar(i, (i * 7) % 10, 1f);
        }

        assertClose("outputs", builtIn.output(images, false), fast.output(images, false), 1e-5);
        assertClose("gradients", gradient(builtIn, images, labels), gradient(fast, images, labels), 1e-4);
        assertEquals(builtIn.score(), fast.score(), 1e-5);
    }

    /**
     * Keeping each convolution's output and the 1,024-unit layer's for the backward pass saves a oneDNN pass per
     * convolution and a matrix product; it must not change a bit of the gradient.
     */
    @Test
    void theLayersOutputsKeptForTheBackwardPassGiveTheGradientOfComputingThemAgain() {
        MultiLayerConfiguration keeping = DeepMnistCnn.configuration(InputShape.MNIST, Hyperparameters.seedRecipe(), 1);
        assertEquals(CacheMode.HOST, keeping.getCacheMode());
        MultiLayerNetwork cached = network(true, null);
        MultiLayerConfiguration runningAgain = keeping.clone();
        runningAgain.setCacheMode(CacheMode.NONE);
        MultiLayerNetwork recomputed = new MultiLayerNetwork(runningAgain);
        recomputed.init(cached.params().dup(), true);

        Nd4j.getRandom().setSeed(11);
        INDArray images = Nd4j.rand(DataType.FLOAT, BATCH, InputShape.MNIST.pixels());
        INDArray labels = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
        for (int i = 0; i < BATCH; i++) {
            labels.putScalar(i, (i * 3) % 10, 1f);
        }
        List<Boolean> held = new ArrayList<>();
        CachingDenseLayer.Implementation dense = (CachingDenseLayer.Implementation) cached.getLayer(DENSE);
        cached.addListeners(new BaseTrainingListener() {
            @Override
            public void onForwardPass(Model model, List<INDArray> activations) {
                held.add(dense.holdsOutput());
            }
        });

        // Exactly: INDArray's equals allows a difference of 1e-5.
        assertArrayEquals(gradient(recomputed, images, labels).toFloatVector(), gradient(cached, images, labels).toFloatVector());
        assertEquals(recomputed.score(), cached.score());
        assertEquals(List.of(true), held, "the dense layer's output kept between the passes");
        assertFalse(dense.holdsOutput(), "and let go once the backward pass has used it");
    }

    @Test
    void theCachingDenseLayerIsDeeplearning4jsDenseLayerWithItsSettings() throws Exception {
        DenseLayer settings = new DenseLayer.Builder().nOut(1024).activation(Activation.RELU).build();
        ObjectMapper json = NeuralNetConfiguration.mapper();
        ObjectNode caching = json.valueToTree(CachingDenseLayer.of(settings));
        ObjectNode stock = json.valueToTree(settings);
        assertEquals(CachingDenseLayer.class.getName(), caching.remove("@class").asText());
        stock.remove("@class");
        assertEquals(stock, caching);
        MultiLayerConfiguration configuration = DeepMnistCnn.configuration(InputShape.MNIST, Hyperparameters.seedRecipe(), 1);
        Layer layer = configuration.getConf(DENSE).getLayer();
        assertInstanceOf(CachingDenseLayer.class, layer);
        assertEquals(layer, MultiLayerConfiguration.fromJson(configuration.toJson()).getConf(DENSE).getLayer(),
                "read back from a saved configuration");
    }

    /** The gradient of every parameter for one minibatch, with the same dropout mask on both paths. */
    private static INDArray gradient(MultiLayerNetwork network, INDArray images, INDArray labels) {
        Nd4j.getRandom().setSeed(3);
        network.setInput(images);
        network.setLabels(labels);
        network.computeGradientAndScore();
        return network.gradient().gradient().dup();
    }

    /** Largest difference relative to the largest magnitude: float sums in another order differ in the last bits. */
    private static void assertClose(String what, INDArray expected, INDArray actual, double tolerance) {
        double scale = expected.amaxNumber().doubleValue();
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(scale > 0, what + " are all zero");
        assertTrue(difference <= tolerance * scale, what + " differ by " + difference + " at a scale of " + scale);
    }
}
