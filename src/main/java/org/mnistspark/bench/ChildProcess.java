package org.mnistspark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command run to the end as its own process, its output kept in a log file, its peak resident size
 * read from Linux's {@code /proc/PID/status} (VmHWM, which only grows) while it runs.
 */
record ChildProcess(int exitCode, String output, long peakRssBytes) {

    static ChildProcess run(List<String> command, Map<String, String> environment, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = 0;
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterMark(status));
        }
        return new ChildProcess(process.exitValue(), Files.readString(log), peak);
    }

    /** VmHWM in bytes; 0 where there is no such file (not Linux, or the process has just ended). */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between two looks.
        }
        return 0;
    }

    /** The last line of the output that starts with {@code prefix}, without it. */
    String lastLineStartingWith(String prefix) {
        String found = null;
        for (String line : output.split("\n")) {
            if (line.startsWith(prefix)) {
                found = line.substring(prefix.length());
            }
        }
        if (found == null) {
            throw new IllegalStateException("the process printed no line starting with '" + prefix + "' (exit " + exitCode + "):\n"
                    + output.lines().skip(Math.max(0, output.lines().count() - 15)).reduce("", (a, b) -> a + b + "\n"));
        }
        return found;
    }
}
