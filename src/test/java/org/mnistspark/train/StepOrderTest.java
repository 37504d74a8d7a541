package org.mnistspark.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepOrderTest {
    @Test
    void eachEpochShowsEveryExampleAtMostOnceInMinibatches() {
        StepOrder order = new StepOrder(1030, 50, 7);
        assertEquals(20, order.perEpoch());
        for (long epoch = 0; epoch < 3; epoch++) {
            Set<Integer> seen = new HashSet<>();
            for (long step = epoch * 20; step < (epoch + 1) * 20; step++) {
                int[] batch = order.examplesOf(step);
                assertEquals(50, batch.length);
                Arrays.stream(batch).forEach(i -> assertEquals(true, seen.add(i) && i >= 0 && i < 1030, "example " + i));
            }
            // 30 examples wait for the next shuffle.
            assertEquals(1000, seen.size());
        }
    }

    @Test
    void dependsOnlyOnTheSeedAndTheStep() {
        StepOrder one = new StepOrder(600, 50, 3);
        StepOrder other = new StepOrder(600, 50, 3);
        // Asked in a different order: a worker or a resumed run may start anywhere.
        int[] late = other.examplesOf(37);
        assertArrayEquals(one.examplesOf(5), other.examplesOf(5));
        assertArrayEquals(one.examplesOf(37), late);
        assertFalse(Arrays.equals(one.examplesOf(0), one.examplesOf(12)), "a new epoch is a new shuffle");
        assertFalse(Arrays.equals(one.examplesOf(0), new StepOrder(600, 50, 4).examplesOf(0)), "another seed, another order");
    }

    @Test
    void needsAtLeastOneMinibatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StepOrder(49, 50, 1));
        assertEquals("the training set holds 49 examples, fewer than one minibatch of 50", e.getMessage());
    }
}
