package org.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.spark.sql.Row;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.files.Storage;
import org.mnistspark.model.ModelFile;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.MnistSample;
import org.mnistspark.testing.SparkJars;
import org.mnistspark.testing.Submission;
import org.mnistspark.testing.TestHdfs;
import org.mnistspark.testing.TestSpark;
import org.mnistspark.testing.YarnCluster;

/**
 * The README's YARN lines, run with submit.sh against a real YARN and HDFS in this JVM: a cluster-mode
 * training run whose application is killed after its first checkpoint, resumed from its run directory
 * on HDFS, ends with the parameters of the same run left alone; a client-mode driver scores a folder on
 * HDFS into Parquet there.
 */
class YarnClusterIT {
    /** The README's paths, on the cluster's default file system. */
    private static final String DATA = "hdfs:///data/mnist";
    private static final String RUN = "hdfs:///runs/yarn";
    private static final String ALONE = "hdfs:///runs/alone";
    /** A short run with checkpoints before its end, so that the kill lands between two. */
    private static final int STEPS = 40;
    private static final List<String> RECIPE = List.of("--steps", String.valueOf(STEPS), "--checkpoint-every", "10", "--lr", "1e-3",
            "--workers", "2", "--averaging-frequency", "5", "--log-every", "10");
    private static final Duration APPLICATION = Duration.ofMinutes(3);

    @TempDir
    static Path dir;

    private static YarnCluster yarn;
    /** The README's YARN lines' Spark options, Spark's jars where the node has them. */
    private static List<String> clusterMode;
    private static List<String> clientMode;
    private static ApplicationId killed;
    private static long checkpointStep;
    private static String resumedDriverOutput;
    /** The same recipe trained without interruption in local mode, in this JVM while YARN runs the applications. */
    private static CompletableFuture<Cli> uninterrupted;

    /** The training run on YARN, killed once it has a checkpoint, and resumed there. */
    @BeforeAll
    static void trainKillAndResumeOnYarn() throws Exception {
        yarn = YarnCluster.start();
        // Spark installed on every node, here the one: the jars' folder, which containers read in place.
        Path sparkJars = SparkJars.linkInto(yarn.workDir().resolve("spark/jars"));
        String jars = "spark.yarn.jars=local:" + sparkJars + "/*";
        clusterMode = List.of("--master", "yarn", "--deploy-mode", "cluster", "--num-executors", "2", "--executor-cores", "1", "--conf", jars);
        clientMode = List.of("--master", "yarn", "--deploy-mode", "client", "--num-executors", "2", "--executor-cores", "1", "--conf", jars);
        TestHdfs.fileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(MnistSample.write(Files.createDirectories(dir.resolve("data")), 500, 100).toUri()),
                hdfs(DATA));
        uninterrupted = CompletableFuture.supplyAsync(() -> Cli.run(withRecipe("train", "--data", hdfs(DATA).toString(),
                "--output", hdfs(ALONE).toString(), "--master", "local[2]").toArray(String[]::new)), run -> new Thread(run, "run left alone").start());
        try (Submission training = submit("train", "train", clusterMode, withRecipe("--data", DATA, "--output", RUN))) {
            killed = training.await("the application to run", yarn::runningApplication, APPLICATION);
            training.await("the first checkpoint", () -> existing(RUN + "/checkpoint.zip"), APPLICATION);
            assertTrue(existing(RUN + "/model.zip").isEmpty(), "the run finished before the kill");
            yarn.kill(killed);
            assertNotEquals(0, training.waitFor(APPLICATION), "spark-submit reports the killed application as failed");
        }
        checkpointStep = ModelFile.load(hdfs(RUN + "/checkpoint.zip").toString(), new Configuration()).info().steps();
        try (Submission resume = submit("resume", "train", clusterMode, List.of("--resume", RUN))) {
            ApplicationId resumed = resume.await("the application to run", yarn::runningApplication, APPLICATION);
            int exitCode = resume.waitFor(APPLICATION);
            resumedDriverOutput = yarn.driverOutput(resumed);
            assertEquals(0, exitCode, resume.err() + resumedDriverOutput);
        }
    }

    @AfterAll
    static void stopYarn() {
        if (yarn != null) {
            yarn.close();
        }
    }

    @Test
    void theApplicationWasKilledBetweenCheckpoints() throws IOException {
        assertEquals(YarnApplicationState.KILLED, yarn.state(killed));
        assertTrue(checkpointStep > 0 && checkpointStep < STEPS, "checkpoint at step " + checkpointStep);
    }

    @Test
    void theResumedRunGoesOnFromTheCheckpointOnHdfs() throws IOException {
        assertTrue(resumedDriverOutput.contains("resuming at step " + checkpointStep + " of " + STEPS), resumedDriverOutput);
        JsonNode metrics = new ObjectMapper().readTree(read(RUN + "/metrics.json"));
        assertEquals(STEPS, metrics.get("steps").asLong());
        assertEquals(checkpointStep, metrics.get("resumed_at_step").asLong());
        List<String> logged = read(RUN + "/train-log.csv").lines().skip(1).map(row -> row.substring(0, row.indexOf(','))).toList();
        assertEquals(List.of("10", "20", "30", "40"), logged, "one row per report, none twice");
    }

    /** The run resumed on YARN ends exactly where the run left alone does. */
    @Test
    void theResumedRunEndsWithTheParametersOfTheRunLeftAlone() {
        Cli alone = uninterrupted.join();
        assertEquals(0, alone.exitCode(), alone.err());

        MultiLayerNetwork expected = ModelFile.load(hdfs(ALONE) + "/model.zip", new Configuration()).network();
        MultiLayerNetwork resumed = ModelFile.load(hdfs(RUN + "/model.zip").toString(), new Configuration()).network();
        assertEquals(expected.getIterationCount(), resumed.getIterationCount());
        assertEquals(expected.params(), resumed.params());
        assertEquals(expected.getUpdater().getStateViewArray(), resumed.getUpdater().getStateViewArray());
    }

    @Test
    void scoresAFolderOnHdfsFromAClientModeDriver() throws Exception {
        TestHdfs.fileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(Digits.scanFolder(dir.resolve("scans"), 5).toUri()), hdfs("/scans"));
        try (Submission scoring = submit("score", "score", clientMode, List.of("--model", RUN + "/model.zip",
                "--input", "hdfs:///scans", "--output", "hdfs:///scans.parquet"))) {
            assertEquals(0, scoring.waitFor(APPLICATION), scoring.err());
        }
        List<Row> rows = TestSpark.session().read().parquet(hdfs("/scans.parquet").toString()).collectAsList();
        assertEquals(6, rows.size(), "one row per file");
        List<String> failed = rows.stream().filter(row -> !row.isNullAt(row.fieldIndex("error"))).map(row -> row.getString(row.fieldIndex("path"))).toList();
        assertEquals(List.of(hdfs("/scans/notes.txt").toString()), failed);
        assertTrue(rows.stream().filter(row -> row.isNullAt(row.fieldIndex("error"))).noneMatch(row -> row.isNullAt(row.fieldIndex("label"))));
    }

    /** {@code ./submit.sh COMMAND SPARK_OPTIONS OPTIONS} from a machine whose HADOOP_CONF_DIR names the test cluster. */
    private static Submission submit(String name, String command, List<String> sparkOptions, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(sparkOptions);
        args.addAll(options);
        return Submission.start(yarn.workDir(), name, yarn.clientEnvironment(), args.toArray(String[]::new));
    }

    private static List<String> withRecipe(String... options) {
        List<String> args = new ArrayList<>(List.of(options));
        args.addAll(RECIPE);
        return args;
    }

    /** hdfs:///path, or /path, on the test HDFS, for this JVM, which has no default file system but the local one. */
    private static org.apache.hadoop.fs.Path hdfs(String path) {
        return new org.apache.hadoop.fs.Path(TestHdfs.root() + path.replaceFirst("^hdfs://", ""));
    }

    /** The path, if a file is there. */
    private static Optional<String> existing(String path) throws IOException {
        return TestHdfs.fileSystem().exists(hdfs(path)) ? Optional.of(path) : Optional.empty();
    }

    private static String read(String path) throws IOException {
        try (InputStream in = Storage.open(hdfs(path).toString(), new Configuration())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
