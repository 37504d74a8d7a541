package org.mnistspark.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense layer that, when the network's cache mode asks for it, keeps its output before the activation
 * from the training pass for the backward pass, as Deeplearning4j's convolution layer does. Deeplearning4j's
 * own dense layer multiplies its input by its weights a second time in the backward pass to get that
 * output back: the same numbers, one matrix product per step and layer more (50 × 3,136 by 3,136 × 1,024
 * here). Saved configurations name this class, so a model file loads where mnist-spark's jar is.
 */
public final class CachingDenseLayer extends DenseLayer {
    /** For Jackson, which reads the layer back from a saved configuration. */
    public CachingDenseLayer() {}

    /** The layer {@code settings} describes, built by Deeplearning4j's builder so that its defaults are Deeplearning4j's. */
    public static CachingDenseLayer of(DenseLayer settings) {
        CachingDenseLayer layer = new CachingDenseLayer();
        for (Class<?> type = DenseLayer.class; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    try {
                        field.set(layer, field.get(settings));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot copy " + field, e);
                    }
                }
            }
        }
        return layer;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
            INDArray parameters, boolean initializeParameters, DataType dataType) {
        LayerValidation.assertNInNOutSet("CachingDenseLayer", getLayerName(), index, getNIn(), getNOut());
        Implementation layer = new Implementation(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(parameters);
        Map<String, INDArray> table = initializer().init(conf, parameters, initializeParameters);
        layer.setParamTable(table);
        layer.setConf(conf);
        return layer;
    }

    /** The layer itself: Deeplearning4j's, its training pass's output before the activation kept until the backward pass uses it. */
    static final class Implementation extends org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer {
        private INDArray kept;

        Implementation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /**
         * The forward pass's output before the activation, a copy of it kept when training (the activation
         * overwrites it); the backward pass's, that copy.
         */
        @Override
        protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaces) {
            if (forBackprop && kept != null) {
                INDArray preActivation = kept;
                kept = null;
                return Pair.of(preActivation, preActivation);
            }
            Pair<INDArray, INDArray> preActivation = super.preOutputWithPreNorm(training, forBackprop, workspaces);
            kept = null;
            if (training && !forBackprop && keepsOutputs(workspaces)) {
                try (MemoryWorkspace cache = workspaces.notifyScopeBorrowed(ArrayType.FF_CACHE)) {
                    kept = preActivation.getFirst().unsafeDuplication();
                }
            }
            return preActivation;
        }

        /** Whether the layer holds an output for its next backward pass. */
        boolean holdsOutput() {
            return kept != null;
        }

        private boolean keepsOutputs(LayerWorkspaceMgr workspaces) {
            // With layer normalisation the backward pass needs the output before it as well: not kept.
            return cacheMode != null && cacheMode != CacheMode.NONE && !hasLayerNorm()
                    && workspaces.hasConfiguration(ArrayType.FF_CACHE) && workspaces.isWorkspaceOpen(ArrayType.FF_CACHE);
        }
    }
}
