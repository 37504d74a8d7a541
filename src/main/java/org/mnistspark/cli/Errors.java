package org.mnistspark.cli;

/** Turns any failure into the one line a user needs. */
final class Errors {
    private Errors() {}

    /**
     * The innermost message in the chain: Spark wraps a task's failure in layers of its own, while
     * the cause names the file and the problem.
     */
    static String oneLine(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && !(t instanceof org.apache.spark.SparkException)) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }
}
