package org.mnistspark.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** A partition's rows taken {@code size} at a time and mapped a group at once, lazily: one group in memory at a time. */
final class Batches {
    private Batches() {}

    static <T, R> Iterator<R> map(Iterator<T> in, int size, Function<List<T>, List<R>> mapping) {
        return new Iterator<>() {
            private Iterator<R> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && in.hasNext()) {
                    List<T> group = new ArrayList<>(size);
                    while (group.size() < size && in.hasNext()) {
                        group.add(in.next());
                    }
                    current = mapping.apply(group).iterator();
                }
                return current.hasNext();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
