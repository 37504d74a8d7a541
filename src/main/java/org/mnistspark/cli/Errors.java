package org.mnistspark.cli;

import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.spark.SparkException;
import org.mnistspark.idx.IdxException;
import org.mnistspark.image.UnreadableImageException;

/** Turns any failure into the one line a user needs. */
final class Errors {
    /** Failures whose message is already the whole story: bad input, named with its file. */
    private static final Set<Class<?>> USER_FACING = Set.of(IllegalArgumentException.class, IdxException.class,
            UncheckedIOException.class, UnreadableImageException.class);

    private Errors() {}

    /**
     * The innermost message in the chain: Spark wraps a task's failure in layers of its own, while
     * the cause names the file and the problem. Anything unexpected keeps its type, for a bug report.
     */
    static String oneLine(Throwable e) {
        Throwable innermost = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && !(t instanceof SparkException)) {
                innermost = t;
            }
        }
        String message = innermost.getMessage() == null ? "" : innermost.getMessage();
        String line = message.lines().findFirst().orElse("").strip();
        return USER_FACING.contains(innermost.getClass()) ? line : innermost.getClass().getSimpleName() + ": " + line;
    }
}
