package org.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.photos.PaperPhotos;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.StandaloneCluster;
import org.mnistspark.testing.ListeningSockets;
import org.mnistspark.testing.MnistSample;
import org.mnistspark.testing.Submission;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.TestSpark;
import org.mnistspark.testing.TrainedModel;

/**
 * The application jar on a real standalone cluster (a Master and two one-core workers), submitted with
 * {@code submit.sh --master spark://…}: training survives the loss of an executor and still learns, and
 * the model it writes scores a folder on the cluster exactly as local Spark does.
 */
class StandaloneClusterIT {
    /** Enough at lr 1e-3 for the same floor as the local training test, with two workers averaging. */
    private static final int STEPS = 300;
    private static final double ACCURACY_FLOOR = 0.95;
    private static final int PHOTOS = 40;
    private static final Duration TRAINING = Duration.ofMinutes(8);
    private static final Duration SCORING = Duration.ofMinutes(2);
    private static final Pattern PROGRESS = Pattern.compile("^step \\d+/\\d+, ");

    @TempDir
    static Path dir;

    private static StandaloneCluster cluster;
    private static Path run;
    private static int trainingExitCode;
    private static String trainingOut;
    private static String trainingErr;
    private static String killedExecutor;
    private static List<ListeningSockets.Socket> clusterSockets;

    /** One training run on the cluster, with one of its executors killed once the first progress line is out. */
    @BeforeAll
    static void trainOnTheClusterLosingAnExecutor() throws Exception {
        cluster = StandaloneCluster.start(2);
        run = dir.resolve("run");
        try (Submission training = Submission.start(dir, "train", "train", "--master", cluster.masterUrl(),
                "--data", TestData.mnist().toString(), "--output", run.toString(),
                "--steps", String.valueOf(STEPS), "--lr", "1e-3", "--averaging-frequency",
                // The shared model's half as many rounds: 40 s of training against 49, 96.7% either way.
                TrainedModel.AVERAGING_FREQUENCY)) {
            training.awaitOutput(PROGRESS, TRAINING);
            // Everything is up: the driver, the Master, the workers and the executors.
            clusterSockets = ListeningSockets.of(Stream.concat(training.processes().stream(), cluster.processes().stream()).toList());
            killedExecutor = killOneExecutor(cluster);
            trainingExitCode = training.waitFor(TRAINING);
            trainingOut = training.out();
            trainingErr = training.err();
        }
        System.out.print(trainingOut);
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void trainingSurvivesTheLostExecutorAndLearns() throws IOException {
        assertEquals(0, trainingExitCode, trainingErr);
        double accuracy = new ObjectMapper().readTree(run.resolve("metrics.json").toFile()).get("accuracy").asDouble();
        System.out.printf("standalone cluster, %d steps at lr 1e-3, executor %s killed: test accuracy %.4f%n", STEPS, killedExecutor, accuracy);
        assertTrue(accuracy >= ACCURACY_FLOOR, "accuracy " + accuracy);
        // Spark noticed the loss (and reran the executor's tasks, or the job would have failed).
        assertTrue(trainingErr.contains("Lost executor " + killedExecutor + " on "), trainingErr);
    }

    @Test
    void executorsRunConvolutionsThroughOneDnn() {
        // Collected from the executors, which the plugin in conf/spark-defaults.conf set up as they started.
        List<String> paths = trainingOut.lines().filter(l -> l.startsWith("convolution and pooling: ")).toList();
        assertEquals(List.of("convolution and pooling: oneDNN (switch off with MNIST_SPARK_CONVOLUTION=builtin)"), paths, trainingOut);
    }

    @Test
    void tellsTheUserThatAnExecutorWasLost() {
        Pattern line = Pattern.compile("(?m)^lost executor " + Pattern.quote(killedExecutor) + ": .+; Spark reruns its tasks$");
        assertTrue(line.matcher(trainingOut).find(), trainingOut);
    }

    @Test
    void scoresOnTheClusterAsLocalSparkDoes() throws Exception {
        assertEquals(0, trainingExitCode, "training failed");
        Path photos = renderPhotos(dir.resolve("photos"));
        Path onCluster = dir.resolve("cluster.parquet");
        try (Submission scoring = Submission.start(dir, "score", "score", "--master", cluster.masterUrl(),
                "--model", run.resolve("model.zip").toString(), "--input", photos.toString(), "--output", onCluster.toString())) {
            assertEquals(0, scoring.waitFor(SCORING), scoring.err());
        }
        Path local = dir.resolve("local.parquet");
        Cli localScoring = Cli.run("score", "--master", "local[2]", "--model", run.resolve("model.zip").toString(),
                "--input", photos.toString(), "--output", local.toString());
        assertEquals(0, localScoring.exitCode(), localScoring.err());
        assertSameRows(read(local), read(onCluster));
    }

    @Test
    void nothingTheClusterRunsListensBeyondLoopback() {
        long processes = clusterSockets.stream().map(ListeningSockets.Socket::pid).distinct().count();
        // The driver, the Master, two workers and their executors: each listens somewhere.
        assertTrue(processes >= 5, "listening processes found: " + clusterSockets);
        assertOnLoopbackOnly(clusterSockets);
    }

    /** A local run as a user starts it, without the test's SPARK_LOCAL_IP: submit.sh itself keeps it on loopback. */
    @Test
    void nothingALocalRunListensBeyondLoopback() throws Exception {
        Path data = MnistSample.write(Files.createDirectories(dir.resolve("sample")), 500, 100);
        List<ListeningSockets.Socket> sockets;
        try (Submission local = Submission.start(dir, "local", List.of("SPARK_LOCAL_IP"), "train", "--data", data.toString(),
                "--output", dir.resolve("local-run").toString(), "--steps", "1000", "--log-every", "10")) {
            local.awaitOutput(PROGRESS, TRAINING);
            sockets = ListeningSockets.of(local.processes());
        }
        // The driver's RPC endpoint, its block manager and its web UI.
        assertTrue(sockets.size() >= 3, "listening sockets found: " + sockets);
        assertOnLoopbackOnly(sockets);
    }

    private static void assertOnLoopbackOnly(List<ListeningSockets.Socket> sockets) {
        List<ListeningSockets.Socket> open = sockets.stream().filter(socket -> !socket.address().getAddress().isLoopbackAddress()).toList();
        assertEquals(List.of(), open, "listening beyond loopback");
    }

    /** Kills the JVM of one of the training's executors, as a crashed machine would lose it; returns its id. */
    private static String killOneExecutor(StandaloneCluster cluster) throws IOException, InterruptedException {
        List<String> applications = cluster.runningApplications();
        assertEquals(1, applications.size(), applications.toString());
        List<ProcessHandle> executors = cluster.executors(applications.get(0));
        assertFalse(executors.isEmpty(), "no executor JVM found");
        ProcessHandle victim = executors.get(0);
        String command = victim.info().commandLine().orElseThrow();
        String id = command.replaceFirst(".*--executor-id (\\S+).*", "$1");
        assertTrue(victim.destroyForcibly(), "could not kill executor " + id);
        victim.onExit().join();
        return id;
    }

    /** Photos of MNIST test digits, and one file that is not an image. */
    private static Path renderPhotos(Path folder) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(7);
        for (Digits.Digit digit : Digits.mnistTest(PHOTOS)) {
            String format = digit.index() % 2 == 0 ? "jpeg" : "png";
            ImageIO.write(PaperPhotos.render(digit.pixels(), random), format, folder.resolve("digit-" + digit.index() + "." + format).toFile());
        }
        Files.writeString(folder.resolve("broken.jpeg"), "not an image");
        return folder;
    }

    private static Map<String, Row> read(Path parquet) {
        return TestSpark.session().read().parquet(parquet.toString()).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("path")), Function.identity()));
    }

    private static void assertSameRows(Map<String, Row> expected, Map<String, Row> actual) {
        assertEquals(PHOTOS + 1, expected.size());
        assertEquals(expected.keySet(), actual.keySet());
        for (Map.Entry<String, Row> entry : expected.entrySet()) {
            Row e = entry.getValue();
            Row a = actual.get(entry.getKey());
            for (String exact : List.of("label", "error", "width", "height", "format", "preprocessing", "model")) {
                assertEquals(e.<Object>getAs(exact), a.getAs(exact), entry.getKey() + " " + exact);
            }
            if (e.getAs("error") == null) {
                assertEquals(e.<Double>getAs("confidence"), a.<Double>getAs("confidence"), 1e-6, entry.getKey());
                List<Float> ep = e.getList(e.fieldIndex("probabilities"));
                List<Float> ap = a.getList(a.fieldIndex("probabilities"));
                assertEquals(10, ap.size(), entry.getKey());
                for (int i = 0; i < 10; i++) {
                    assertEquals(ep.get(i), ap.get(i), 1e-6, entry.getKey() + " probability " + i);
                }
            }
        }
        assertEquals(1, actual.values().stream().filter(r -> r.getAs("error") != null).count(), "one broken file");
    }
}
