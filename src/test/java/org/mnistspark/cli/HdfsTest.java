package org.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.files.Storage;
import org.mnistspark.model.ModelFile;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.MnistSample;
import org.mnistspark.testing.TestHdfs;
import org.mnistspark.testing.TestSpark;

/**
 * Everything on a real HDFS, as cluster users keep it: data, run directory, model, images and scores,
 * with the same refusals and the same whole-or-nothing files as on local disk.
 */
class HdfsTest {
    private static final int STEPS = 20;

    @TempDir
    static Path local;

    private static String data;
    private static String run;
    private static Cli training;

    @BeforeAll
    static void trainOnHdfs() throws IOException {
        data = TestHdfs.upload(MnistSample.write(Files.createDirectories(local.resolve("data")), 500, 100), "data");
        run = TestHdfs.root() + "/runs/first";
        training = Cli.run("train", "--data", data, "--output", run, "--steps", String.valueOf(STEPS), "--workers", "2",
                "--averaging-frequency", "5", "--log-every", "10", "--checkpoint-every", "10", "--master", "local[2]");
        assertEquals(0, training.exitCode(), training.err());
    }

    private static String read(String location) throws IOException {
        try (InputStream in = Storage.open(location, new Configuration())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> names(String dir) throws IOException {
        FileStatus[] listing = TestHdfs.fileSystem().listStatus(new org.apache.hadoop.fs.Path(dir));
        return Arrays.stream(listing).map(status -> status.getPath().getName()).sorted().toList();
    }

    @Test
    void trainWritesTheWholeRunDirectoryToHdfs() throws IOException {
        assertEquals(List.of("checkpoint.zip", "metrics.json", "model.zip", "report.html", "test-mistakes.json", "train-config.json",
                "train-log.csv"), names(run),
                "the run's files and no partial ones");
        assertEquals(STEPS, ModelFile.load(run + "/model.zip", new Configuration()).info().steps());
        assertEquals(STEPS, ModelFile.load(run + "/checkpoint.zip", new Configuration()).info().steps());
        JsonNode metrics = new ObjectMapper().readTree(read(run + "/metrics.json"));
        assertEquals(100, metrics.get("test_examples").asInt());
        assertEquals(data + "/train-images-idx3-ubyte", metrics.get("train_data").asText());
        List<String> log = read(run + "/train-log.csv").lines().toList();
        assertEquals("step,loss,train_accuracy,elapsed_seconds", log.get(0));
        assertEquals(List.of("10", "20"), log.stream().skip(1).map(row -> row.substring(0, row.indexOf(','))).toList());
        String report = read(run + "/report.html");
        assertTrue(report.contains("id=\"loss-curve\"") && report.contains("test accuracy "), "the run's report, evaluated");
    }

    @Test
    void trainRefusesTheRunAlreadyThere() throws IOException {
        String metrics = read(run + "/metrics.json");

        Cli again = Cli.run("train", "--data", data, "--output", run, "--steps", "5");

        assertEquals(1, again.exitCode());
        assertEquals("error: " + run + ": holds a checkpointed run; continue it with --resume " + run
                + ", train into another --output or add --mode overwrite", again.errorLine());
        assertEquals(metrics, read(run + "/metrics.json"));
    }

    @Test
    void resumeReadsTheRunsSettingsAndCheckpointFromHdfs() throws IOException {
        Cli resumed = Cli.run("train", "--resume", run, "--master", "local[2]");

        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming at step " + STEPS + " of " + STEPS + " from " + run + "/checkpoint.zip"),
                resumed.out());
        assertEquals(STEPS, new ObjectMapper().readTree(read(run + "/metrics.json")).get("resumed_at_step").asLong());
        assertEquals(3, read(run + "/train-log.csv").lines().count(), "the log kept as it was");
    }

    @Test
    void evaluateReadsTheModelFromHdfsAndWritesBesideIt() throws IOException {
        Cli evaluate = Cli.run("evaluate", "--model", run + "/model.zip", "--data", data);

        assertEquals(0, evaluate.exitCode(), evaluate.err());
        JsonNode evaluation = new ObjectMapper().readTree(read(run + "/evaluation.json"));
        JsonNode metrics = new ObjectMapper().readTree(read(run + "/metrics.json"));
        assertEquals(metrics.get("accuracy").asDouble(), evaluation.get("accuracy").asDouble(), 1e-9);

        Cli again = Cli.run("evaluate", "--model", run + "/model.zip", "--data", data);
        assertEquals(1, again.exitCode());
        assertEquals("error: " + run + "/evaluation.json: already exists; choose another --output or add --mode overwrite",
                again.errorLine());
    }

    @Test
    void scoreReadsAFolderOnHdfsAndPublishesParquetThere() throws IOException {
        String input = TestHdfs.upload(Digits.scanFolder(local.resolve("photos"), 5), "photos");
        String output = TestHdfs.root() + "/scores.parquet";

        Cli score = Cli.run("score", "--model", run + "/model.zip", "--input", input, "--output", output);

        assertEquals(0, score.exitCode(), score.err());
        List<Row> rows = TestSpark.session().read().parquet(output).collectAsList();
        assertEquals(6, rows.size(), "one row per file");
        assertEquals(1, rows.stream().filter(row -> !row.isNullAt(row.fieldIndex("error"))).count());
        assertTrue(rows.stream().allMatch(row -> row.getString(row.fieldIndex("path")).startsWith(input)));
        assertFalse(names(TestHdfs.root() + "/").stream().anyMatch(name -> name.startsWith(".")), "no staging left");

        Cli again = Cli.run("score", "--model", run + "/model.zip", "--input", input, "--output", output);
        assertEquals(1, again.exitCode());
        assertEquals("error: " + output + ": already exists; choose another --output or add --mode overwrite", again.errorLine());
    }

    /** hdfs:///path, as cluster users write it: on the HDFS that fs.defaultFS names. */
    @Test
    void aWriteToHdfsWithoutAHostGoesToTheDefaultFileSystem() throws IOException {
        Configuration conf = new Configuration();
        conf.set("fs.defaultFS", TestHdfs.root());

        Storage.write("hdfs:///default/metrics.json", conf, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

        assertEquals("{}", read(TestHdfs.root() + "/default/metrics.json"));
        assertEquals(List.of("metrics.json"), names(TestHdfs.root() + "/default"));
    }

    @Test
    void aWriteThatFailsOnHdfsLeavesThePreviousFileAndNoDebris() throws IOException {
        String file = TestHdfs.root() + "/atomic/checkpoint.zip";
        Configuration conf = new Configuration();
        Storage.write(file, conf, out -> out.write("step 40".getBytes(StandardCharsets.UTF_8)));
        Storage.write(file, conf, out -> out.write("step 80".getBytes(StandardCharsets.UTF_8)));
        assertEquals("step 80", read(file), "a write replaces the file whole");

        IOException failure = assertThrows(IOException.class, () -> Storage.write(file, conf, out -> {
            out.write("step 1".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));

        assertEquals("disk full", failure.getMessage());
        assertEquals("step 80", read(file));
        assertEquals(List.of("checkpoint.zip"), names(TestHdfs.root() + "/atomic"));
    }
}
