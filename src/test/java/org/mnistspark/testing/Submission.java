package org.mnistspark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code ./submit.sh} run as a user runs it, in a child process, its standard output and error kept in files. */
public final class Submission implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private Submission(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code ./submit.sh args...} without SPARK_HOME, writing NAME.out and NAME.err into {@code logs}. */
    public static Submission start(Path logs, String name, String... args) throws IOException {
        return start(logs, name, List.of(), args);
    }

    /** As {@link #start}, also without the environment variables {@code unset}. */
    public static Submission start(Path logs, String name, List<String> unset, String... args) throws IOException {
        return start(logs, name, unset, Map.of(), args);
    }

    /** As {@link #start}, with the environment variables {@code set} added. */
    public static Submission start(Path logs, String name, Map<String, String> set, String... args) throws IOException {
        return start(logs, name, List.of(), set, args);
    }

    private static Submission start(Path logs, String name, List<String> unset, Map<String, String> set, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of("submit.sh").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("SPARK_HOME");
        builder.environment().putAll(ShortLivedJvm.ENVIRONMENT);
        unset.forEach(builder.environment()::remove);
        builder.environment().putAll(set);
        return new Submission(builder.start(), out, err);
    }

    /** The launcher and every process it started: the driver JVM, for one. */
    public List<ProcessHandle> processes() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    /** Waits for the first line of standard output matching {@code line}. */
    public String awaitOutput(Pattern line, Duration timeout) throws Exception {
        return await("a line matching " + line, () -> out().lines().filter(l -> line.matcher(l).find()).findFirst(), timeout);
    }

    /** Waits, while the command runs, until {@code probe} finds what it looks for, and returns that. */
    public <T> T await(String what, Callable<Optional<T>> probe, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = probe.call();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + " before " + what + ":\n" + err());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("still waiting for " + what + " after " + timeout + ":\n" + out());
    }

    /** Waits for the command to end and returns its exit code. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + ":\n" + out());
        }
        return process.exitValue();
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
