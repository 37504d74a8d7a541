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
     * The first message in the chain that names the file and the problem: Spark wraps a task's failure
     * in layers of its own, and a user-facing failure may keep its low-level cause (a ZipException, say)
     * for the stack trace. Failing that, the innermost message, with its type for a bug report.
     */
    static String oneLine(Throwable e) {
        Throwable innermost = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (USER_FACING.contains(t.getClass()) && t.getMessage() != null) {
                return firstLine(t);
            }
            if (t.getMessage() != null && !t.getMessage().isBlank() && !(t instanceof SparkException)) {
                innermost = t;
            }
        }
        return innermost.getClass().getSimpleName() + ": " + firstLine(innermost);
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
