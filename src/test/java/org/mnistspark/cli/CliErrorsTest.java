package org.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.idx.IdxWriter;
import org.mnistspark.testing.BlankDataset;
import org.mnistspark.testing.Cli;

/** Every kind of bad input ends with one clear line on standard error and a non-zero exit, and writes nothing. */
class CliErrorsTest {
    @TempDir
    Path dir;

    private Cli train(Path data, String... extra) {
        String[] args = Stream.concat(Stream.of("train", "--data", data.toString(), "--output", dir.resolve("run").toString(),
                "--steps", "1"), Stream.of(extra)).toArray(String[]::new);
        return Cli.run(args);
    }

    private void assertFails(Cli cli, int code, String message) {
        assertEquals(code, cli.exitCode(), cli.err());
        assertEquals("error: " + message, cli.errorLine());
        assertTrue(Files.notExists(dir.resolve("run")), "a failed run wrote its output directory");
    }

    /** A data directory whose four files are fine except where a test spoils one. */
    private Path dataset(int trainImages, int trainLabels) throws IOException {
        return BlankDataset.write(dir.resolve("data"), trainImages, trainLabels);
    }

    @Test
    void unknownOption() {
        Cli cli = Cli.run("train", "--output", dir.toString(), "--stepz=5");
        assertEquals(2, cli.exitCode());
        assertEquals("error: Unknown option: '--stepz=5' (see --help)", cli.errorLine());
    }

    @Test
    void optionWithoutItsValue() {
        Cli cli = Cli.run("train", "--output", dir.toString(), "--steps", "many");
        assertEquals(2, cli.exitCode());
        assertEquals("error: Invalid value for option '--steps': 'many' is not a long (see --help)", cli.errorLine());
    }

    @Test
    void unknownCommand() {
        Cli cli = Cli.run("fly");
        assertEquals(2, cli.exitCode());
        assertEquals("error: Unmatched argument at index 0: 'fly' (see --help)", cli.errorLine());
    }

    @Test
    void zeroSteps() throws IOException {
        assertFails(train(dataset(60, 60), "--steps", "0"), 2, "--steps must be at least 1, not 0 (see --help)");
    }

    @Test
    void negativeLearningRate() throws IOException {
        assertFails(train(dataset(60, 60), "--lr", "-1"), 2, "--lr must be positive, not -1.0 (see --help)");
    }

    @Test
    void labelSmoothingOfOne() throws IOException {
        assertFails(train(dataset(60, 60), "--label-smoothing", "1"), 2, "--label-smoothing must be at least 0 and below 1, not 1.0 (see --help)");
    }

    @Test
    void blockMomentumOutsideZeroToOne() throws IOException {
        Path data = dataset(60, 60);
        for (String m : new String[] {"1", "-0.5", "NaN"}) {
            assertFails(train(data, "--block-momentum", m), 2, "--block-momentum must be at least 0 and below 1, not " + Double.parseDouble(m)
                    + " (see --help)");
        }
    }

    @Test
    void emaDecayOutsideZeroToOne() throws IOException {
        Path data = dataset(60, 60);
        for (String d : new String[] {"1", "-0.1", "NaN"}) {
            assertFails(train(data, "--ema-decay", d), 2, "--ema-decay must be at least 0 and below 1, not " + Double.parseDouble(d) + " (see --help)");
        }
    }

    @Test
    void unknownAugmentation() throws IOException {
        assertFails(train(dataset(60, 60), "--augment", "affine,zoom"), 2, "--augment: unknown transformation 'zoom'; give none, default"
                + " or a list of affine, proportion, pen, elastic, blur, noise, each optionally =PROBABILITY (see --help)");
    }

    @Test
    void augmentationProbabilityAboveOne() throws IOException {
        assertFails(train(dataset(60, 60), "--augment", "elastic=2"), 2, "--augment: the probability of elastic must be from 0 to 1, not '2' (see --help)");
    }

    /** Named as the help names them, in lower case, whatever case was typed. */
    @Test
    void unknownPresetPreprocessingOrDataSet() throws IOException {
        assertFails(train(dataset(60, 60), "--preset", "Quick"), 2,
                "Invalid value for option '--preset': unknown preset 'Quick'; choose from seed, fast, robust (see --help)");

        Cli cli = Cli.run("score", "--model", "model.zip", "--input", dir.toString(), "--output", dir.resolve("out").toString(),
                "--preprocess", "none");
        assertEquals(2, cli.exitCode(), cli.err());
        assertEquals("error: Invalid value for option '--preprocess': unknown preprocessing 'none'; choose from mnist, seed (see --help)",
                cli.errorLine());

        Cli download = Cli.run("download", "--data", dir.resolve("cifar").toString(), "--dataset", "cifar");
        assertEquals(2, download.exitCode(), download.err());
        assertEquals("error: Invalid value for option '--dataset': unknown data set 'cifar'; choose from mnist, fashion (see --help)",
                download.errorLine());
        assertTrue(Files.notExists(dir.resolve("cifar")));
    }

    @Test
    void stepsAndEpochsTogether() throws IOException {
        assertFails(train(dataset(60, 60), "--epochs", "2"), 2, "give --steps or --epochs, not both (see --help)");
    }

    @Test
    void zeroBatchWhenScoring() {
        Cli cli = Cli.run("score", "--model", "model.zip", "--input", dir.toString(), "--output", dir.resolve("out").toString(),
                "--batch", "0");
        assertEquals(2, cli.exitCode());
        assertEquals("error: --batch must be at least 1, not 0 (see --help)", cli.errorLine());
    }

    @Test
    void reviewThresholdOutsideZeroToOne() {
        for (String p : new String[] {"0", "1.5", "-0.2", "NaN"}) {
            Cli cli = Cli.run("score", "--model", "model.zip", "--input", dir.toString(), "--output", dir.resolve("out").toString(),
                    "--review-below", p);
            assertEquals(2, cli.exitCode(), cli.err());
            assertEquals("error: --review-below must be above 0 and at most 1, not " + Double.parseDouble(p) + " (see --help)",
                    cli.errorLine());
        }
        assertTrue(Files.notExists(dir.resolve("out")));
    }

    @Test
    void missingDataDirectory() {
        Path data = dir.resolve("nowhere");
        assertFails(train(data), 1, data + ": no such directory (the download command fetches a data set into it)");
    }

    @Test
    void directoryWithoutMnistFiles() throws IOException {
        Path data = Files.createDirectories(dir.resolve("empty"));
        assertFails(train(data), 1, data + ": has no train-images-idx3-ubyte[.gz] (the download command fetches it)");
    }

    @Test
    void wrongMagicNumber() throws IOException {
        Path data = dataset(60, 60);
        Path images = data.resolve("train-images-idx3-ubyte.gz");
        IdxWriter.writeLabels(images, new byte[60]);
        assertFails(train(data), 1, images + ": not an IDX image file: magic number 2049, expected 2051");
    }

    @Test
    void truncatedFile() throws IOException {
        Path data = dataset(60, 60);
        Path labels = data.resolve("t10k-labels-idx1-ubyte");
        Files.delete(data.resolve("t10k-labels-idx1-ubyte.gz"));
        Files.write(labels, new byte[] {0, 0, 8, 1, 0, 0, 0, 10, 1, 2, 3});
        assertFails(train(data), 1, labels + ": truncated: the header declares 10 records of 1 bytes (18 bytes in all) but the file holds 11");
    }

    @Test
    void countMismatch() throws IOException {
        Path data = dataset(60, 59);
        assertFails(train(data), 1, data.resolve("train-images-idx3-ubyte.gz") + ": holds 60 images but "
                + data.resolve("train-labels-idx1-ubyte.gz") + " holds 59 labels");
    }

    @Test
    void labelOutsideTheModelsClasses() throws IOException {
        Path data = dataset(60, 60);
        byte[] labels = new byte[60];
        labels[7] = 12;
        IdxWriter.writeLabels(data.resolve("train-labels-idx1-ubyte.gz"), labels);
        assertFails(train(data), 1, data.resolve("train-labels-idx1-ubyte.gz") + ": labels run from 0 to 12, but the model has classes 0 to 9");
    }

    @Test
    void damagedGzipBody() throws IOException {
        Path data = dataset(60, 60);
        Path images = data.resolve("train-images-idx3-ubyte.gz");
        byte[] gzip = Files.readAllBytes(images);
        // The gzip header stays valid (magic, method, flags: its first ten bytes); the compressed body is garbage.
        byte[] garbage = new byte[gzip.length - 10];
        new Random(3).nextBytes(garbage);
        System.arraycopy(garbage, 0, gzip, 10, garbage.length);
        Files.write(images, gzip);

        Cli cli = train(data);

        assertEquals(1, cli.exitCode());
        assertTrue(cli.errorLine().startsWith("error: " + images + ": corrupt gzip data: "), cli.errorLine());
        assertEquals(1, cli.err().lines().count(), cli.err());
    }

    @Test
    void evaluateWithAFileThatIsNotAModel() throws IOException {
        Path model = dir.resolve("model.zip");
        Files.writeString(model, "nonsense");
        Cli cli = Cli.run("evaluate", "--model", model.toString(), "--data", dir.toString());
        assertEquals(1, cli.exitCode());
        assertTrue(cli.errorLine().startsWith("error: " + model + ": not a model saved by this tool ("), cli.errorLine());
    }

    @Test
    void imagesFolderWithoutImages() throws IOException {
        Path images = Files.createDirectories(dir.resolve("scans"));
        Cli cli = Cli.run("train", "--images", images.toString(), "--output", dir.resolve("run").toString(), "--steps", "1");
        assertFails(cli, 1, images + ": no image files; expected a folder per digit (" + images + "/0/…, " + images
                + "/9/…) or a CSV file of path,label rows");
    }

    @Test
    void imagesWeightOutOfRangeOrWithoutBothSources() throws IOException {
        Path images = Files.createDirectories(dir.resolve("scans"));
        assertFails(train(dataset(60, 60), "--images", images.toString(), "--images-weight", "1"), 2,
                "--images-weight must be above 0 and below 1, not 1.0 (see --help)");
        assertFails(train(dataset(60, 60), "--images-weight", "0.5"), 2, "--images-weight needs both --data and --images (see --help)");
        assertFails(train(dataset(60, 60), "--images", images.toString(), "--labels", images.resolve("labels.csv").toString()), 2,
                "give --images or --labels, not both (see --help)");
    }
}
