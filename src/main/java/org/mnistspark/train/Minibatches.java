package org.mnistspark.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.mnistspark.idx.IdxImageSet.Example;
import scala.Tuple2;

/**
 * The training set as a stream of minibatches, like TensorFlow's {@code next_batch}: each epoch is a
 * fresh seeded shuffle cut into consecutive minibatches, and step {@code s} is minibatch
 * {@code s mod perEpoch} of epoch {@code s / perEpoch}. Examples left over after the last full
 * minibatch of an epoch wait for the next shuffle.
 */
final class Minibatches implements AutoCloseable {
    private static final int EPOCHS_CACHED = 2;

    private final JavaSparkContext sc;
    private final JavaPairRDD<Long, Example> byPosition;
    private final long count;
    private final int batchSize;
    private final long seed;
    private final Map<Long, Epoch> cached = new LinkedHashMap<>();

    private record Epoch(JavaPairRDD<Long, Batch> batches, Broadcast<int[]> shuffle) {}

    Minibatches(JavaSparkContext sc, JavaRDD<Example> examples, int batchSize, long seed) {
        this.sc = sc;
        this.byPosition = examples.zipWithIndex().mapToPair(Tuple2::swap).persist(StorageLevel.MEMORY_ONLY());
        this.count = byPosition.count();
        this.batchSize = batchSize;
        this.seed = seed;
        if (count < batchSize) {
            throw new IllegalArgumentException("the training set holds " + count + " examples, fewer than one minibatch of " + batchSize);
        }
    }

    long perEpoch() {
        return count / batchSize;
    }

    long examples() {
        return count;
    }

    /** The minibatches of steps [from, to), crossing epoch boundaries as needed. */
    JavaRDD<Batch> steps(long from, long to) {
        List<JavaRDD<Batch>> parts = new ArrayList<>();
        for (long step = from; step < to; ) {
            long first = step % perEpoch();
            long end = Math.min(perEpoch(), first + (to - step));
            parts.add(epoch(step / perEpoch()).filter(b -> b._1 >= first && b._1 < end).values());
            step += end - first;
        }
        JavaRDD<Batch> all = parts.get(0);
        for (JavaRDD<Batch> part : parts.subList(1, parts.size())) {
            all = all.union(part);
        }
        return all;
    }

    private JavaPairRDD<Long, Batch> epoch(long epoch) {
        Epoch known = cached.get(epoch);
        if (known != null) {
            return known.batches();
        }
        Broadcast<int[]> shuffle = sc.broadcast(shuffledPositions(epoch));
        int size = batchSize;
        long full = perEpoch();
        JavaPairRDD<Long, Batch> batches = byPosition
                .mapToPair(e -> {
                    int slot = shuffle.value()[(int) (long) e._1];
                    return new Tuple2<>((long) (slot / size), new Tuple2<>(slot % size, e._2));
                })
                .filter(e -> e._1 < full)
                .groupByKey(sc.defaultParallelism())
                .mapValues(Minibatches::inSlotOrder)
                .persist(StorageLevel.MEMORY_ONLY());
        cached.put(epoch, new Epoch(batches, shuffle));
        if (cached.size() > EPOCHS_CACHED) {
            Iterator<Epoch> oldest = cached.values().iterator();
            Epoch dropped = oldest.next();
            dropped.batches().unpersist(false);
            dropped.shuffle().unpersist(false);
            oldest.remove();
        }
        return batches;
    }

    /** Where each example lands in this epoch's order: a seeded Fisher–Yates shuffle. */
    private int[] shuffledPositions(long epoch) {
        int[] slots = new int[(int) count];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i;
        }
        Random random = new Random(seed * 1_000_003L + epoch);
        for (int i = slots.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = slots[i];
            slots[i] = slots[j];
            slots[j] = t;
        }
        return slots;
    }

    private static Batch inSlotOrder(Iterable<Tuple2<Integer, Example>> slotted) {
        List<Tuple2<Integer, Example>> list = new ArrayList<>();
        slotted.forEach(list::add);
        list.sort((a, b) -> Integer.compare(a._1, b._1));
        return Batch.of(list.stream().map(Tuple2::_2).toList());
    }

    @Override
    public void close() {
        cached.values().forEach(e -> {
            e.batches().unpersist(false);
            e.shuffle().unpersist(false);
        });
        cached.clear();
        byPosition.unpersist(false);
    }
}
