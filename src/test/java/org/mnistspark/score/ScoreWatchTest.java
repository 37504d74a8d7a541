package org.mnistspark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.DriverCommand;
import org.mnistspark.testing.TestSpark;
import org.mnistspark.testing.TrainedModel;

/**
 * {@code score --watch} in a JVM of its own, killed (SIGKILL) while files arrive and started again on its checkpoint, then
 * stopped with SIGTERM: each file is one row, none missing, none twice, as {@code score} writes it for the same folder.
 */
class ScoreWatchTest {
    private static final int WAVE = 5;
    /** How far a probability may move with the batch an image went through the network in (see DigitPipelineTest). */
    private static final double BATCH_ROUNDING = 1e-6;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    /** Every watch started, ended however the test ends. */
    private static final List<Process> watches = new ArrayList<>();
    private static List<Digits.Digit> digits;
    private static Path input;
    private static Path checkpoint;
    private static Path output;

    @BeforeAll
    static void folders() throws IOException {
        digits = Digits.mnistTest(4 * WAVE);
        input = Files.createDirectories(dir.resolve("scans"));
        checkpoint = dir.resolve("checkpoint");
        output = dir.resolve("watched.parquet");
    }

    @AfterAll
    static void endWatches() {
        watches.forEach(Process::destroyForcibly);
    }

    @Test
    void eachFileIsOneRowAsScoreWritesItThoughTheWatchIsKilledAndStartedAgain() throws Exception {
        // Digits, an empty file (which Spark's file source leaves out) and a file that is no image.
        addDigits(0, WAVE - 2, Duration.ZERO);
        arrive("empty.png", new byte[0]);
        arrive("notes.txt", "not a digit".getBytes());
        Process first = startWatch("first");
        awaitRows(WAVE, first);

        Set<String> batchesBefore = batches();
        // Scans copied in with their month-old times kept are new all the same.
        addDigits(WAVE, 2 * WAVE, Duration.ofDays(30));
        awaitNewBatch(batchesBefore, first);
        first.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        System.out.println("killed with its batch " + (Files.exists(checkpoint.resolve("commits/1")) ? "done" : "in flight"));

        addDigits(2 * WAVE, 3 * WAVE, Duration.ZERO);
        Process second = startWatch("second");
        awaitRows(3 * WAVE, second);
        batchesBefore = batches();
        addDigits(3 * WAVE, 4 * WAVE, Duration.ZERO);
        awaitNewBatch(batchesBefore, second);
        second.destroy();
        assertTrue(second.waitFor(1, TimeUnit.MINUTES), "still running a minute after SIGTERM");
        String log = Files.readString(dir.resolve("second.log"));
        assertEquals(0, second.exitValue(), log);
        assertTrue(log.strip().endsWith("goes on from here"), log);

        Map<String, Row> watched = rowsByPath(output);
        assertEquals(4 * WAVE, TestSpark.session().read().parquet(output.toString()).count(), "rows, each file once");
        assertEquals(4 * WAVE, SummaryFile.read(SummaryFile.location(output.toString()), new Configuration()).found());
        assertTrue(Files.size(dir.resolve("watched-report.html")) > 0);
        Cli cli = Cli.run("score", "--model", TrainedModel.modelFile().toString(), "--input", input.toString(), "--output",
                dir.resolve("scored.parquet").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        Map<String, Row> scored = rowsByPath(dir.resolve("scored.parquet"));
        assertEquals(scored.keySet(), watched.keySet());
        assertEquals("empty file", watched.get("file:" + input.resolve("empty.png")).getAs("error"));
        scored.forEach((path, row) -> assertSameRow(row, watched.get(path)));
    }

    @Test
    void aWatchNeedsACheckpointAndRefusesWhatMakesNoSense() {
        assertRefused(2, "--watch needs --checkpoint DIR, where Spark records the files scored (see --help)", "--watch");
        assertRefused(2, "--checkpoint applies only with --watch (see --help)", "--checkpoint", dir.resolve("c").toString());
        assertRefused(2, "--trigger applies only with --watch (see --help)", "--trigger", "1");
        assertRefused(2, "--watch adds to its --output, never replaces it: drop --mode overwrite (see --help)", "--watch", "--checkpoint",
                dir.resolve("c").toString(), "--mode", "overwrite");
    }

    @Test
    void aWatchOfAMissingFolderFailsAsScoreDoes() {
        Path nowhere = dir.resolve("nowhere");
        Cli cli = Cli.run("score", "--watch", "--model", TrainedModel.modelFile().toString(), "--input", nowhere.toString(), "--output",
                dir.resolve("never.parquet").toString(), "--checkpoint", dir.resolve("never-checkpoint").toString());
        assertEquals(1, cli.exitCode());
        assertEquals("error: " + nowhere + ": no such file or directory", cli.errorLine());
        assertTrue(Files.notExists(dir.resolve("never.parquet")));
    }

    @Test
    void aNewWatchRefusesAnOutputItDidNotWrite() throws IOException {
        Path taken = Files.createDirectories(dir.resolve("taken.parquet"));
        Files.writeString(taken.resolve("part-00000.parquet"), "someone's rows");
        Cli cli = watch(taken, dir.resolve("new-checkpoint"));
        assertEquals(1, cli.exitCode());
        assertEquals("error: " + taken + ": already exists; choose another --output, or give the --checkpoint of the watch that wrote it",
                cli.errorLine());
    }

    @Test
    void aWatchGoingOnFindsItsOutput() throws IOException {
        Path started = Files.createDirectories(dir.resolve("started-checkpoint"));
        Files.writeString(started.resolve("metadata"), "{}");
        Path gone = dir.resolve("gone.parquet");
        Cli cli = watch(gone, started);
        assertEquals(1, cli.exitCode());
        assertEquals("error: " + gone + ": no such folder, but " + started + " is the checkpoint of a watch that wrote there; give its "
                + "--output, or a new --checkpoint to score the folder from the start", cli.errorLine());
    }

    private static Cli watch(Path out, Path check) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("some-scans"));
        return Cli.run("score", "--watch", "--model", TrainedModel.modelFile().toString(), "--input", folder.toString(), "--output",
                out.toString(), "--checkpoint", check.toString());
    }

    private static void assertRefused(int code, String message, String... options) {
        Cli cli = Cli.run(Stream.concat(Stream.of("score", "--model", "m.zip", "--input", "in", "--output", "out.parquet"), Stream.of(options))
                .toArray(String[]::new));
        assertEquals(code, cli.exitCode(), cli.err());
        assertEquals("error: " + message, cli.errorLine());
    }

    /**
     * The watch as a user starts it, in a JVM of its own (no shell between: the test's signals reach the JVM), compiled by C1
     * alone: a JVM that lives for seconds on shared cores loses more to C2's compiling than it gains (half its start-up here).
     */
    private static Process startWatch(String name) throws IOException {
        List<String> command = new ArrayList<>(DriverCommand.of("score", "--watch", "--model", TrainedModel.modelFile().toString(), "--input",
                input.toString(), "--output", output.toString(), "--checkpoint", checkpoint.toString(), "--trigger", "0.5",
                "--master", "local[1]", "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1"));
        command.add(1, "-XX:TieredStopAtLevel=1");
        Process watch = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        watches.add(watch);
        return watch;
    }

    /** Digits {@code from} to {@code to} (excluded) as PNG scans last modified {@code age} ago. */
    private static void addDigits(int from, int to, Duration age) throws IOException {
        for (Digits.Digit digit : digits.subList(from, to)) {
            Path scan = dir.resolve("digit.png");
            ImageIO.write(Digits.inkOnPaper(digit.pixels()), "png", scan.toFile());
            Files.setLastModifiedTime(scan, FileTime.from(Instant.now().minus(age)));
            arrive(scan, "digit-" + digit.index() + ".png");
        }
    }

    private static void arrive(String name, byte[] content) throws IOException {
        arrive(Files.write(dir.resolve(name), content), name);
    }

    /** Moves {@code file} into the watched folder whole, as the README asks. */
    private static void arrive(Path file, String name) throws IOException {
        Files.move(file, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits for the summary the watch rewrites after each batch to count {@code rows}. */
    private static void awaitRows(int rows, Process watch) throws Exception {
        Path summary = Path.of(SummaryFile.location(output.toString()));
        await(rows + " rows", watch, () -> Files.exists(summary) && SummaryFile.read(summary.toString(), new Configuration()).found() == rows);
    }

    /** Waits for Spark to record a batch not in {@code before}: the files have been taken, and the batch is in flight. */
    private static void awaitNewBatch(Set<String> before, Process watch) throws Exception {
        await("a new batch", watch, () -> !before.containsAll(batches()));
    }

    private static Set<String> batches() throws IOException {
        Path offsets = checkpoint.resolve("offsets");
        try (Stream<Path> files = Files.exists(offsets) ? Files.list(offsets) : Stream.empty()) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith(".")).collect(Collectors.toSet());
        }
    }

    private interface Probe {
        boolean found() throws IOException;
    }

    private static void await(String what, Process watch, Probe probe) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!probe.found()) {
            assertTrue(watch.isAlive(), "the watch ended before " + what);
            assertTrue(Instant.now().isBefore(deadline), "no " + what + " after " + PATIENCE);
            Thread.sleep(100);
        }
    }

    private static Map<String, Row> rowsByPath(Path parquet) {
        return TestSpark.session().read().parquet(parquet.toString()).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("path"), Function.identity()));
    }

    private static void assertSameRow(Row scored, Row watched) {
        String path = scored.getAs("path");
        for (String column : List.of("label", "error", "width", "height", "format", "preprocessing", "model")) {
            assertEquals((Object) scored.getAs(column), watched.getAs(column), column + " of " + path);
        }
        if (scored.getAs("probabilities") != null) {
            List<Float> expected = scored.getList(scored.fieldIndex("probabilities"));
            List<Float> actual = watched.getList(watched.fieldIndex("probabilities"));
            for (int c = 0; c < expected.size(); c++) {
                assertEquals(expected.get(c), actual.get(c), BATCH_ROUNDING, "probability of " + c + " for " + path);
            }
            assertEquals((double) scored.getAs("confidence"), watched.getAs("confidence"), BATCH_ROUNDING, path);
        }
    }
}
