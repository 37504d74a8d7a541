package org.mnistspark.progress;

import java.io.PrintWriter;

/** Where a command writes what it has to say, and whether that is a terminal a line can be redrawn on. */
public record Console(PrintWriter out, boolean terminal) {

    /** Output that is not a terminal: a file, a pipe, a test. */
    public static Console plain(PrintWriter out) {
        return new Console(out, false);
    }

    /**
     * Progress of a task of {@code total} units, {@code first} of them already done, printed as plain
     * lines every {@code every} units when not on a terminal.
     */
    public Progress progress(String task, String unit, long first, long total, long every, int imagesPerUnit) {
        return new Progress(out, terminal, task, unit, first, total, every, imagesPerUnit);
    }
}
