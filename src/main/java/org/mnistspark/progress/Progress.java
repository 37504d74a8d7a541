package org.mnistspark.progress;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * How far a long task has got, on the console. On a terminal one line is redrawn in place at every
 * update: a bar, the task's own figures, images/s, elapsed time and time left. Anywhere else (a log
 * file, CI, a cluster's driver log) a plain line is printed each time another {@code every} units are
 * done, and at the end, so the log grows at a steady pace and reads line by line.
 */
public final class Progress {
    private static final int BAR_WIDTH = 12;
    /** Terminal width when the shell does not export COLUMNS: a redrawn line must never wrap. */
    private static final int DEFAULT_COLUMNS = 80;
    /** Erases what is left of the line after the cursor, so a shorter redraw leaves no trace of a longer one. */
    private static final String CLEAR_TO_END = "\u001b[K";

    private final PrintWriter out;
    private final boolean terminal;
    private final String task;
    private final String unit;
    private final long first;
    private final long total;
    private final long every;
    private final int imagesPerUnit;
    private final long startNanos = System.nanoTime();
    private long nextLine;
    private boolean lineOpen;

    /**
     * A task of {@code total} units, {@code first} of them done before it starts (a resumed run);
     * {@code imagesPerUnit} turns the pace into images per second.
     */
    Progress(PrintWriter out, boolean terminal, String task, String unit, long first, long total, long every,
            int imagesPerUnit) {
        this.out = out;
        this.terminal = terminal;
        this.task = task;
        this.unit = unit;
        this.first = first;
        this.total = total;
        this.every = Math.max(1, every);
        this.imagesPerUnit = imagesPerUnit;
        this.nextLine = (first / this.every + 1) * this.every;
    }

    /** Seconds since the task started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Whether an update at {@code done} will be printed: asks for the figures only when they are needed. */
    public boolean shows(long done) {
        return terminal || done >= nextLine || done == total;
    }

    /** Reports {@code done} of the total units; {@code figures} (such as "loss 0.0406") is asked only if shown. */
    public void update(long done, Supplier<String> figures) {
        if (!shows(done)) {
            return;
        }
        double elapsed = elapsedSeconds();
        double imagesPerSecond = (done - first) * imagesPerUnit / elapsed;
        String elapsedText = duration(Math.round(elapsed));
        String left = duration(done == first ? 0 : Math.round((total - done) * imagesPerUnit / imagesPerSecond));
        String shown = figures.get();
        if (terminal) {
            // The pace comes before the task's figures, so that a narrow terminal cuts only the latter.
            String line = String.format("%s %3d%% %s %d/%d [%s<%s, %.0f images/s] %s", task, 100 * done / Math.max(1, total),
                    bar(done), done, total, elapsedText, left, imagesPerSecond, shown);
            out.print("\r" + line.substring(0, Math.min(line.length(), columns() - 1)) + CLEAR_TO_END);
            lineOpen = done < total;
            if (!lineOpen) {
                out.println();
            }
        } else {
            out.printf("%s %d/%d, %s%s%.1f images/s, %s elapsed, %s left%n", unit, done, total, shown,
                    shown.isEmpty() ? "" : ", ", imagesPerSecond, elapsedText, left);
            nextLine = (done / every + 1) * every;
        }
        out.flush();
    }

    /** Prints a line of its own; on a terminal it takes the progress line's place until the next update redraws that. */
    public void println(String line) {
        out.println(terminal && lineOpen ? "\r" + line + CLEAR_TO_END : line);
        out.flush();
        lineOpen = false;
    }

    /** Ends a redrawn line cut short (the task failed, or stopped early), so later output starts on its own line. */
    public void close() {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
        }
    }

    private String bar(long done) {
        int filled = (int) (BAR_WIDTH * done / Math.max(1, total));
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    private static int columns() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            // A pseudo-terminal that nobody sized says it has 0 columns.
            return columns > 0 ? columns : DEFAULT_COLUMNS;
        } catch (NumberFormatException e) {
            return DEFAULT_COLUMNS;
        }
    }

    /** A duration as "4m09s", or "1h05m" past an hour. */
    public static String duration(long seconds) {
        return seconds >= 3600
                ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
}
