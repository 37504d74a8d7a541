package org.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each minibatch takes its share from the scans, the same for a step however often it is asked. */
class MixedOrderTest {
    private static final int MNIST = 1000;
    private static final int SCANS = 300;

    private static long fromScans(int[] batch) {
        return java.util.Arrays.stream(batch).filter(i -> i >= MNIST).count();
    }

    @Test
    void takesTheWeightsShareOfEveryMinibatchFromTheScans() {
        for (double weight : new double[] {0.5, 0.3, 0.9}) {
            MixedOrder order = new MixedOrder(MNIST, SCANS, 50, weight, 42);
            for (long step = 0; step < 200; step++) {
                int[] batch = order.examplesOf(step);
                assertEquals(50, batch.length);
                assertEquals(Math.round(50 * weight), fromScans(batch), "weight " + weight + ", step " + step);
                assertEquals(50, java.util.Arrays.stream(batch).distinct().count(), "no example twice in a minibatch");
                assertTrue(java.util.Arrays.stream(batch).allMatch(i -> i >= 0 && i < MNIST + SCANS));
            }
        }
    }

    @Test
    void keepsOneExampleFromEachSideAtTheExtremes() {
        assertEquals(1, fromScans(new MixedOrder(MNIST, SCANS, 50, 0.001, 42).examplesOf(0)));
        assertEquals(49, fromScans(new MixedOrder(MNIST, SCANS, 50, 0.999, 42).examplesOf(0)));
    }

    @Test
    void isAFunctionOfTheStepAloneAndCoversTheScansEachEpoch() {
        MixedOrder order = new MixedOrder(MNIST, SCANS, 50, 0.5, 42);
        MixedOrder again = new MixedOrder(MNIST, SCANS, 50, 0.5, 42);
        assertEquals(SCANS / 25, order.perEpoch(), "an epoch is a pass over the scans");
        Set<Integer> scans = new HashSet<>();
        for (long step = order.perEpoch() - 1; step >= 0; step--) {
            for (int i : order.examplesOf(step)) {
                if (i >= MNIST) {
                    scans.add(i);
                }
            }
        }
        assertEquals(SCANS, scans.size(), "every scan once in an epoch");
        assertArrayEquals(order.examplesOf(137), again.examplesOf(137));
        assertArrayEquals(order.examplesOf(5), again.examplesOf(5));
    }
}
