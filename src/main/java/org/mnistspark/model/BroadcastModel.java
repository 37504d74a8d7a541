package org.mnistspark.model;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network shipped to executors once, as a Spark broadcast, and rebuilt there once per executor
 * thread: a network is not safe to share between concurrent tasks, its parameters are cheap to copy.
 */
public final class BroadcastModel implements Serializable {
    /**
     * What the broadcast holds. A Spark program may have chosen Kryo for its serializer, whose default serializer
     * cannot build a Java record on Java 17 ("can't get field offset on a record class"): Kryo is told to
     * serialize this one as Java does, which copies the parameters' bytes in bulk.
     */
    @DefaultSerializer(JavaSerializer.class)
    record State(String configuration, PackedFloats parameters, double temperature) implements Serializable {
        static State of(MultiLayerNetwork network, double temperature) {
            return new State(network.getLayerWiseConfigurations().toJson(), PackedFloats.of(network.params()), temperature);
        }
    }

    /** Per executor JVM: the networks of the one broadcast in use, one per task thread. */
    private static final Map<Long, ThreadLocal<MultiLayerNetwork>> NETWORKS = new ConcurrentHashMap<>();

    private final Broadcast<State> state;

    private BroadcastModel(Broadcast<State> state) {
        this.state = state;
    }

    /** {@code network}, whose probabilities are read at {@code temperature} (see {@link Temperature}). */
    public static BroadcastModel of(JavaSparkContext sc, MultiLayerNetwork network, double temperature) {
        return new BroadcastModel(sc.broadcast(State.of(network, temperature)));
    }

    /** The network's own softmax, before the temperature: to show what the temperature changed. */
    public INDArray predictUnscaled(INDArray features) {
        return network().output(features, false);
    }

    /** Class probabilities at the model's temperature from what {@link #predictUnscaled} gave. */
    public INDArray atTemperature(INDArray unscaled) {
        return Temperature.apply(unscaled, state.value().temperature());
    }

    public double temperature() {
        return state.value().temperature();
    }

    /** Frees the broadcast on the executors once the job that used it is done. */
    public void release() {
        state.destroy();
    }

    private MultiLayerNetwork network() {
        long id = state.id();
        ThreadLocal<MultiLayerNetwork> local = NETWORKS.get(id);
        if (local == null) {
            synchronized (NETWORKS) {
                NETWORKS.keySet().removeIf(other -> other != id);
                local = NETWORKS.computeIfAbsent(id, k -> ThreadLocal.withInitial(this::rebuild));
            }
        }
        return local.get();
    }

    private MultiLayerNetwork rebuild() {
        NativeBackend.useConfiguredThreads();
        State s = state.value();
        MultiLayerNetwork network = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(s.configuration()));
        network.init(s.parameters().toRow(), false);
        return network;
    }
}
