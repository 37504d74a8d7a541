package org.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.BlockManager;
import org.junit.jupiter.api.Test;
import org.mnistspark.model.PackedFloats;
import org.mnistspark.testing.TestSpark;
import org.nd4j.linalg.factory.Nd4j;

/** Partial sums handed from Spark tasks to the driver through the block manager, on the real local[2] session. */
class SumHandoffTest {
    /** Two tasks each keep the sum of one worker, workers 0 and 1, in the order Spark runs them. */
    private static List<SumHandoff.Ticket> putTwo() {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        return sc.parallelize(List.of(1, 0), 2).map(worker -> SumHandoff.put(sum(worker))).collect();
    }

    private static WorkerSum sum(int worker) {
        PackedFloats values = PackedFloats.of(Nd4j.createFromArray(worker + 0.5f, -worker).reshape(1, 2));
        return WorkerSum.of(worker, values, values, worker);
    }

    private static boolean stored(SumHandoff.Ticket ticket) {
        return SparkEnv.get().blockManager().master().contains(ticket.block());
    }

    @Test
    void theDriverTakesEachSumInWorkersOrderAndLeavesNoBlockBehind() {
        List<SumHandoff.Ticket> tickets = putTwo();
        assertTrue(tickets.stream().allMatch(SumHandoffTest::stored), tickets.toString());

        SumHandoff.Taken taken = SumHandoff.take(tickets).orElseThrow();

        assertEquals(List.of(0, 1), taken.sums().stream().map(WorkerSum::first).toList());
        for (WorkerSum sum : taken.sums()) {
            assertArrayEquals(sum(sum.first()).parameters().bytes(), sum.parameters().bytes());
            assertEquals(sum.first(), sum.lossSum());
        }
        assertTrue(taken.bytes() > 0, "bytes " + taken.bytes());
        assertTrue(tickets.stream().noneMatch(SumHandoffTest::stored), "blocks left behind");
    }

    @Test
    void aSumLostWithItsExecutorTakesNothingAndLeavesNoBlockBehind() {
        List<SumHandoff.Ticket> tickets = putTwo();
        BlockManager blocks = SparkEnv.get().blockManager();
        // What an executor lost after its task ended leaves: a ticket whose block is gone.
        blocks.removeBlock(tickets.get(0).block(), true);

        Optional<SumHandoff.Taken> taken = SumHandoff.take(tickets);

        assertFalse(taken.isPresent(), "a round with a lost partial sum must run again");
        assertTrue(tickets.stream().noneMatch(SumHandoffTest::stored), "blocks left behind");
    }
}
