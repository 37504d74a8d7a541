package org.mnistspark.train;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mnistspark.model.PackedFloats;

/**
 * The sum of what workers {@code first} to {@code first + count - 1} of a round sent back: their
 * parameters, Adam's state and minibatch losses. Float addition is not associative, so sums are always
 * taken in the order of the workers, whatever order Spark delivers them in: a round sums the same
 * way every time it runs. Kryo, where a Spark program chose it, serializes it as Java does: its
 * default serializer cannot build a record on Java 17 (see {@code BroadcastModel.State}).
 */
@DefaultSerializer(JavaSerializer.class)
record WorkerSum(int first, int count, PackedFloats parameters, PackedFloats updaterState, double lossSum) implements Serializable {

    /** What one worker sent back. */
    static WorkerSum of(int worker, PackedFloats parameters, PackedFloats updaterState, double lossSum) {
        return new WorkerSum(worker, 1, parameters, updaterState, lossSum);
    }

    /**
     * The sum of adjacent ranges of workers, taken in the workers' order, into the arrays of the first:
     * the sums are consumed, as a round's are, each taken once from where its task left it.
     */
    static WorkerSum inOrder(Iterable<WorkerSum> sums) {
        List<WorkerSum> sorted = new ArrayList<>();
        sums.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(WorkerSum::first));
        WorkerSum total = sorted.get(0);
        for (WorkerSum next : sorted.subList(1, sorted.size())) {
            total = total.plus(next);
        }
        return total;
    }

    private WorkerSum plus(WorkerSum next) {
        if (next.first != first + count) {
            throw new IllegalArgumentException("workers " + first + "–" + (first + count - 1) + " and " + next.first + " onwards are not adjacent");
        }
        parameters.add(next.parameters);
        updaterState.add(next.updaterState);
        return new WorkerSum(first, count + next.count, parameters, updaterState, lossSum + next.lossSum);
    }
}
