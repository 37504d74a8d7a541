package org.mnistspark.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.mnistspark.report.Mistake;

/** Which mistakes a large set's report shows: every class's, whatever order the partitions arrive in. */
class TestMetricsTest {
    private static final int CLASSES = 10;

    /** A partition's metrics holding {@code mistakes} (the rest of the metrics left empty). */
    private static TestMetrics withMistakes(List<Mistake> mistakes) {
        TestMetrics empty = TestMetrics.empty(CLASSES, false);
        return new TestMetrics(empty.confusion(), 0, mistakes, empty.calibration(), null);
    }

    /** Mistakes of {@code label} at indices {@code from} (inclusive) to {@code to} (exclusive), read as 1. */
    private static List<Mistake> wrong(int label, long from, long to) {
        return LongStream.range(from, to).mapToObj(i -> new Mistake(i, label, 1, 0.9, new byte[0])).toList();
    }

    private static List<Long> indices(List<Mistake> mistakes) {
        return mistakes.stream().map(Mistake::index).toList();
    }

    @Test
    void theMistakesShownComeFromEachClassInTurn() {
        // A folder per class: 150 zeros wrong first, then 5 threes and 30 sevens, split over two partitions.
        List<Mistake> first = new ArrayList<>(wrong(0, 0, 150));
        first.addAll(wrong(3, 1000, 1005));
        TestMetrics one = withMistakes(first);
        TestMetrics two = withMistakes(wrong(7, 2000, 2030));

        List<Mistake> shown = TestMetrics.empty(CLASSES, false).plus(one).plus(two).shownMistakes();

        // Five turns take a mistake of each of the three classes, 25 more a zero and a seven, then zeros alone.
        List<Long> expected = new ArrayList<>(LongStream.range(0, 65).boxed().toList());
        expected.addAll(LongStream.range(1000, 1005).boxed().toList());
        expected.addAll(LongStream.range(2000, 2030).boxed().toList());
        assertEquals(expected, indices(shown));
        assertEquals(indices(shown), indices(TestMetrics.empty(CLASSES, false).plus(two).plus(one).shownMistakes()),
                "the partitions' order");
    }

    @Test
    void aFewMistakesAreAllShownAndEachClassKeepsItsFirstHundred() {
        TestMetrics few = TestMetrics.empty(CLASSES, false).plus(withMistakes(wrong(5, 10, 40)));
        assertEquals(LongStream.range(10, 40).boxed().toList(), indices(few.shownMistakes()));

        TestMetrics many = TestMetrics.empty(CLASSES, false).plus(withMistakes(wrong(2, 500, 700))).plus(withMistakes(wrong(2, 0, 50)));
        assertEquals(TestMetrics.MISTAKES_KEPT, many.mistakes().size());
        assertEquals(LongStream.range(0, 50).boxed().toList(), indices(many.mistakes().subList(0, 50)), "the class's first, in the set's order");
        assertEquals(500L, many.mistakes().get(50).index());
    }
}
