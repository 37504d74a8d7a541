package org.mnistspark.model;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.TruncatedNormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The CNN of "Deep MNIST for Experts": two 5×5 SAME convolutions (32, 64 filters) each followed by
 * 2×2 max pooling, a 1024-unit ReLU layer, dropout, and a softmax output trained on cross-entropy.
 * The seed's weights start from a normal distribution truncated at two standard deviations (0.1),
 * biases at 0.1; {@link Hyperparameters} may choose another start and a decaying learning rate.
 */
public final class DeepMnistCnn {
    /**
     * Images a forward pass takes when many are predicted. The first convolution's output (batch × 32 ×
     * 28 × 28 floats, 20 MB here) must stay under glibc's largest mmap threshold, 32 MB: above it every
     * batch maps its buffers afresh and faults each page in, which halved inference at 500 images.
     */
    public static final int PREDICTION_BATCH = 200;

    private DeepMnistCnn() {}

    /** The network for {@code shape}; {@code updates}, the number each worker's Adam makes in the run, sets the decay. */
    public static MultiLayerConfiguration configuration(InputShape shape, Hyperparameters hp, long updates) {
        return new NeuralNetConfiguration.Builder()
                .seed(hp.seed())
                .updater(switch (hp.decay()) {
                    case NONE -> new Adam(hp.learningRate());
                    case LINEAR -> new Adam(new LinearDecay(hp.learningRate(), (int) Math.max(1, updates)));
                })
                .weightInit(switch (hp.init()) {
                    case TRUNCATED_NORMAL -> new WeightInitDistribution(new TruncatedNormalDistribution(0, 0.1));
                    case HE -> WeightInit.RELU.getWeightInitFunction();
                })
                .biasInit(0.1)
                // Each convolution keeps its output for the backward pass, which otherwise runs the convolution
                // again to find where the ReLU was active: the same numbers, one oneDNN pass fewer per layer and step.
                .cacheMode(CacheMode.HOST)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).stride(1, 1).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(5, 5).stride(1, 1).nOut(64).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build())
                // Keeps its output for the backward pass too, rather than multiplying by its weights again.
                .layer(CachingDenseLayer.of(new DenseLayer.Builder().nOut(1024).activation(Activation.RELU).build()))
                // In Deeplearning4j a layer's dropout acts on its input and takes the keep probability.
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(shape.classes()).activation(Activation.SOFTMAX).dropOut(hp.dropoutKeep()).build())
                .setInputType(InputType.convolutionalFlat(shape.rows(), shape.cols(), 1))
                .build();
    }
}
