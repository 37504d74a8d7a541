package org.mnistspark.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Networks an executor JVM keeps between tasks, so that a training round reuses a network (and its
 * oneDNN primitives) instead of building one: at most one per task running at once. Only networks of
 * the most recent configuration are kept. The borrowing thread's native thread count is set first.
 */
public final class NetworkPool {
    private static final Map<String, Deque<MultiLayerNetwork>> IDLE = new HashMap<>();

    private NetworkPool() {}

    /** An idle network of this configuration (JSON), or a new one; its parameters are whatever they were. */
    public static MultiLayerNetwork borrow(String configuration) {
        // An executor of a program without the project's plugin meets ND4J here first.
        NativeBackend.configureOnce();
        NativeBackend.useConfiguredThreads();
        synchronized (IDLE) {
            IDLE.keySet().removeIf(other -> !other.equals(configuration));
            MultiLayerNetwork idle = IDLE.computeIfAbsent(configuration, k -> new ArrayDeque<>()).poll();
            if (idle != null) {
                return idle;
            }
        }
        MultiLayerNetwork network = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configuration));
        network.init();
        return network;
    }

    public static void giveBack(String configuration, MultiLayerNetwork network) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(configuration, k -> new ArrayDeque<>()).push(network);
        }
    }
}
