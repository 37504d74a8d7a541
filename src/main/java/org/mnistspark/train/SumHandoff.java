package org.mnistspark.train;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.storage.BlockId;
import org.apache.spark.storage.BlockManager;
import org.apache.spark.storage.BlockResult;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.storage.TaskResultBlockId;
import scala.Option;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Hands the round's last partial sums to the driver through the executors' block managers rather than
 * as task results. A task result of 39 MB is copied about seven times on its way (serialized as the
 * value, again inside Spark's task result, merged, copied, read back, deserialized); a block kept as an
 * object is fetched as bytes once from another JVM, and not copied at all where the driver holds it
 * (local mode). Each block is named after its task attempt, as Spark names the results it hands over
 * the same way, and is neither compressed nor tracked as an RDD's or a broadcast's.
 */
final class SumHandoff {
    private static final ClassTag<WorkerSum> WORKER_SUM = ClassTag$.MODULE$.apply(WorkerSum.class);

    /**
     * Where a partial sum waits for the driver, and the first worker it covers. Kryo, where a Spark program
     * chose it, serializes it as Java does: its default serializer cannot build a record on Java 17.
     */
    @DefaultSerializer(JavaSerializer.class)
    record Ticket(BlockId block, int first) implements Serializable {}

    /** The partial sums the driver took, in workers' order, and their size in bytes. */
    record Taken(List<WorkerSum> sums, long bytes) {}

    private SumHandoff() {}

    /** On an executor: keeps {@code sum} in this executor's block manager until the driver takes it. */
    static Ticket put(WorkerSum sum) {
        BlockId block = new TaskResultBlockId(TaskContext.get().taskAttemptId());
        if (!SparkEnv.get().blockManager().putSingle(block, sum, StorageLevel.MEMORY_ONLY(), true, WORKER_SUM)) {
            throw new IllegalStateException("no room in the block manager for a partial sum of " + sum.count() + " workers");
        }
        return new Ticket(block, sum.first());
    }

    /**
     * On the driver: takes the partial sums and removes their blocks; empty if one is gone (its executor
     * was lost after its task ended), the others' blocks removed too.
     */
    static Optional<Taken> take(List<Ticket> tickets) {
        BlockManager blocks = SparkEnv.get().blockManager();
        List<WorkerSum> sums = new ArrayList<>();
        long bytes = 0;
        boolean complete = true;
        for (Ticket ticket : tickets.stream().sorted(Comparator.comparingInt(Ticket::first)).toList()) {
            Option<BlockResult> result = complete ? blocks.get(ticket.block(), WORKER_SUM) : Option.empty();
            if (result.isDefined()) {
                scala.collection.Iterator<Object> values = result.get().data();
                sums.add((WorkerSum) values.next());
                values.hasNext(); // the end of the values releases the block's read lock
                bytes += result.get().bytes();
            } else {
                complete = false;
            }
            remove(blocks, ticket.block());
        }
        return complete ? Optional.of(new Taken(sums, bytes)) : Optional.empty();
    }

    /** At once where the block is this JVM's (local mode); elsewhere as soon as its executor hears. */
    private static void remove(BlockManager blocks, BlockId block) {
        blocks.removeBlock(block, true);
        blocks.master().removeBlock(block);
    }
}
