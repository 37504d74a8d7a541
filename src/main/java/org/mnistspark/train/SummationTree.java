package org.mnistspark.train;

import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Sums the workers' results on the executors, {@code fanIn} at a time, level after level, until at
 * most {@code fanIn} partial sums are left for the driver to collect: the driver receives the same
 * few copies of the state however many workers there are, where collecting every worker's result
 * would bring it one copy per worker. Each level is a shuffle whose task {@code g} sums the
 * partial sums of group {@code g}: the tree's shape depends only on the number of workers, so the
 * rounding of its sums does too.
 */
final class SummationTree {
    /** Two at a time: the driver gets two copies, and each level moves two copies into each of its tasks. */
    static final int FAN_IN = 2;

    private SummationTree() {}

    /** The levels a round of {@code workers} goes through before the driver collects what is left. */
    static int levels(int workers, int fanIn) {
        int levels = 0;
        for (int groups = workers; groups > fanIn; groups = ceilDiv(groups, fanIn)) {
            levels++;
        }
        return levels;
    }

    /**
     * Sums {@code workers}' results (one per worker, element {@code w} starting at worker {@code w})
     * down to at most {@code fanIn} partial sums, and hands those to the driver (see {@link SumHandoff}).
     */
    static List<SumHandoff.Ticket> collect(JavaRDD<WorkerSum> workers, int count, int fanIn) {
        JavaRDD<WorkerSum> sums = workers;
        long width = 1;
        int groups = count;
        for (int level = levels(count, fanIn); level > 0; level--) {
            groups = ceilDiv(groups, fanIn);
            width *= fanIn;
            long w = width;
            sums = sums.mapToPair(sum -> new Tuple2<>((int) (sum.first() / w), sum))
                    .groupByKey(new HashPartitioner(groups))
                    .map(group -> WorkerSum.inOrder(group._2()));
        }
        return sums.map(SumHandoff::put).collect();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
