package org.mnistspark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.photos.PaperPhotos;
import org.mnistspark.report.ScoringResults;
import org.mnistspark.testing.Chromium;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.Pngs;
import org.mnistspark.testing.TestSpark;
import org.mnistspark.testing.TrainedModel;

/** Scores folders of real MNIST test digits rendered as photos of paper, plus every kind of broken file. */
class ScoreCommandTest {
    private static final int PHOTOS = 1000;
    private static final double ACCURACY_FLOOR = 0.97;

    /** What the scoring report shows, read from its DOM once it has loaded. */
    private static final String REPORT_FACTS = """
            ({
              perDigit: [...document.querySelectorAll('#per-digit rect.bar title')].map(t => t.textContent.split(': ')),
              confidence: [...document.querySelectorAll('#confidence rect.bar title')].map(t => Number(t.textContent.split(': ').pop())),
              leastCertain: document.querySelectorAll('#least-certain figure').length,
              imagesDrawn: [...document.querySelectorAll('#least-certain img')].filter(i => i.complete && i.naturalWidth > 0).length,
              inputs28: [...document.querySelectorAll('#least-certain img.pixels')].filter(i => i.naturalWidth === 28).length,
              failures: [...document.querySelectorAll('table tr')].slice(1).map(r => r.cells[1].textContent)
            })
            """;

    @TempDir
    static Path dir;

    private static Path photos;
    private static final Map<String, Integer> truth = new HashMap<>();

    @BeforeAll
    static void renderPhotos() throws IOException {
        photos = dir.resolve("photos");
        Random random = new Random(2024);
        List<Digits.Digit> digits = Digits.mnistTest(PHOTOS);
        for (Digits.Digit digit : digits) {
            Path folder = photos.resolve(digit.index() % 3 == 0 ? "." : "batch-" + digit.index() % 3 + "/scans");
            Files.createDirectories(folder);
            String format = digit.index() % 2 == 0 ? "jpg" : "png";
            Path file = folder.resolve("digit-" + digit.index() + "." + format).normalize();
            ImageIO.write(PaperPhotos.render(digit.pixels(), random), format.equals("jpg") ? "jpeg" : "png", file.toFile());
            truth.put(file.toUri().getPath(), digit.label());
        }
    }

    private static List<Row> score(Path input, Path output, String... extra) {
        Cli cli = Cli.run(Stream.concat(Stream.of("score", "--model", TrainedModel.modelFile().toString(),
                "--input", input.toString(), "--output", output.toString()), Stream.of(extra)).toArray(String[]::new));
        assertEquals(0, cli.exitCode(), cli.err());
        return TestSpark.session().read().parquet(output.toString()).collectAsList();
    }

    private static double accuracy(List<Row> rows) {
        long correct = rows.stream().filter(r -> !r.isNullAt(1)
                && r.getInt(1) == truth.get(java.net.URI.create(r.getString(0)).getPath())).count();
        return (double) correct / rows.size();
    }

    @Test
    void readsPhotosOfDigitsWithMnistPreprocessing() {
        List<Row> mnist = score(photos, dir.resolve("mnist.parquet"));
        List<Row> seed = score(photos, dir.resolve("seed.parquet"), "--preprocess", "seed");

        double mnistAccuracy = accuracy(mnist);
        System.out.printf("%d photos of paper: --preprocess mnist %.4f, --preprocess seed %.4f%n",
                PHOTOS, mnistAccuracy, accuracy(seed));
        assertEquals(PHOTOS, mnist.size());
        assertEquals(PHOTOS, seed.size());
        assertTrue(mnistAccuracy >= ACCURACY_FLOOR, "accuracy " + mnistAccuracy);
        assertEquals(truth.keySet(), mnist.stream().map(r -> java.net.URI.create(r.getString(0)).getPath())
                .collect(Collectors.toSet()));
    }

    @Test
    void writesTheContractSchema() {
        Path output = dir.resolve("schema.parquet");
        score(photos.resolve("batch-1"), output, "--glob", "*.png");
        assertEquals("struct<path:string,label:int,confidence:double,probabilities:array<float>,error:string,"
                        + "width:int,height:int,format:string,preprocessing:string,model:string>",
                TestSpark.session().read().parquet(output.toString()).schema().simpleString());
        Row row = TestSpark.session().read().parquet(output.toString()).first();
        List<Float> probabilities = row.getList(3);
        assertEquals(10, probabilities.size());
        assertEquals(1.0, probabilities.stream().mapToDouble(Float::doubleValue).sum(), 1e-4);
        assertEquals(probabilities.get(row.getInt(1)), row.getDouble(2), 1e-6);
        assertNull(row.get(4));
        assertTrue(row.getInt(5) >= 100 && row.getInt(6) >= 100);
        assertEquals("png", row.getString(7));
        assertEquals("mnist", row.getString(8));
        assertEquals(12, row.getString(9).length());
    }

    @Test
    void reviewBelowMarksTheLessConfidentRowsAndTheFailedOnesAndCountsThem() throws Exception {
        Path input = firstScans("batch-2", 150, "review-input");
        Path output = dir.resolve("review.parquet");
        double p = 0.99;
        Cli cli = Cli.run("score", "--model", TrainedModel.modelFile().toString(), "--input", input.toString(),
                "--output", output.toString(), "--review-below", String.valueOf(p));
        assertEquals(0, cli.exitCode(), cli.err());

        var written = TestSpark.session().read().parquet(output.toString());
        assertTrue(written.schema().simpleString().endsWith(",model:string,review:boolean>"), written.schema().simpleString());
        List<Row> rows = written.collectAsList();
        long marked = 0;
        long belowThreshold = 0;
        for (Row r : rows) {
            boolean failed = r.getAs("error") != null;
            boolean expected = failed || (double) r.getAs("confidence") < p;
            assertEquals(expected, (boolean) r.getAs("review"), r.getString(0));
            marked += expected ? 1 : 0;
            belowThreshold += !failed && expected ? 1 : 0;
        }
        // Both kinds of rows, or the test would prove nothing.
        assertTrue(belowThreshold > 0 && marked < rows.size(), marked + " of " + rows.size() + " marked");
        assertTrue(cli.out().contains(String.format("to review: %d of 151 files (%.1f%%), confidence below 0.99 or not scored",
                marked, 100.0 * marked / 151)), cli.out());

        // The same figures for programs, beside the output, whatever the console's wording.
        Path summaryFile = dir.resolve("review-summary.json");
        assertEquals(summaryFile.toString(), SummaryFile.location(output.toString()));
        ScoreSummary summary = SummaryFile.read(summaryFile.toString(), new org.apache.hadoop.conf.Configuration());
        Map<Integer, Long> perDigit = new java.util.TreeMap<>(rows.stream().filter(r -> r.getAs("label") != null)
                .collect(Collectors.groupingBy(r -> (Integer) r.getAs("label"), Collectors.counting())));
        List<ScoringResults.Failure> failures = rows.stream().filter(r -> r.getAs("error") != null)
                .map(r -> new ScoringResults.Failure(r.getAs("path"), r.getAs("error"))).toList();
        assertEquals(new ScoreSummary(151, 151 - failures.size(), failures.size(), failures, perDigit, summary.seconds(), p, marked), summary);
        assertTrue(summary.seconds() > 0, summary.toString());
        JsonNode json = new ObjectMapper().readTree(summaryFile.toFile());
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("files", "scored", "failed", "seconds", "images_per_second", "per_digit", "first_failures", "review_below",
                "to_review"), fields);
        assertEquals(summary.imagesPerSecond(), json.get("images_per_second").asDouble());

        // The report lists them first, the failed file at the top.
        Chromium.Visit page = Chromium.open(dir.resolve("review-report.html"), """
                ({
                  firstHeading: document.querySelector('h2').textContent,
                  review: [...document.querySelectorAll('#review tr')].slice(1).map(r => r.cells[0].textContent)
                })
                """, Path.of("target/scoring-report-review.png"));
        assertEquals(List.of(), page.errors());
        assertEquals(String.format("To review (%d of 151): confidence below 0.99, or not scored", marked),
                page.facts().get("firstHeading").asText());
        assertEquals(marked, page.facts().get("review").size());
        assertTrue(page.facts().get("review").get(0).asText().endsWith("notes.txt"), page.facts().toString());
    }

    /**
     * The claim the README makes of --review-below 0.9: of the rows it leaves unmarked, at most 1% are
     * wrong, even from the suite's weak model. Measured here on these photos before it was asserted.
     */
    @Test
    void atPointNineAtMostOnePercentOfTheRowsLeftUnreviewedAreWrong() {
        List<Row> rows = score(photos, dir.resolve("review-all.parquet"), "--review-below", "0.9");
        List<Row> kept = rows.stream().filter(r -> !(boolean) r.getAs("review")).toList();
        long wrong = kept.stream().filter(r -> r.getInt(1) != truth.get(java.net.URI.create(r.getString(0)).getPath())).count();
        double errorRate = (double) wrong / kept.size();
        System.out.printf("--review-below 0.9 on %d photos: %d to review (%.1f%%), %d wrong of the %d left (%.2f%%), accuracy %.4f%n",
                rows.size(), rows.size() - kept.size(), 100.0 * (rows.size() - kept.size()) / rows.size(), wrong, kept.size(),
                100 * errorRate, accuracy(rows));
        assertTrue(errorRate <= 0.01, wrong + " wrong of " + kept.size());
        assertTrue(kept.size() >= 0.8 * rows.size(), "only " + kept.size() + " of " + rows.size() + " left unreviewed");
    }

    @Test
    void globKeepsOnlyMatchingNames() {
        List<Row> rows = score(photos, dir.resolve("png-only.parquet"), "--glob", "*.png");
        assertEquals(PHOTOS / 2, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.getString(0).endsWith(".png")));
    }

    @Test
    void everyBrokenFileIsARowWithItsReason() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.copy(photos.resolve("digit-0.jpg"), broken.resolve("good.jpg"));
        Files.write(broken.resolve("empty.png"), new byte[0]);
        byte[] png = Files.readAllBytes(photos.resolve("batch-1/scans/digit-1.png"));
        Files.write(broken.resolve("truncated.png"), java.util.Arrays.copyOf(png, png.length / 2));
        byte[] noise = new byte[5000];
        new Random(9).nextBytes(noise);
        Files.write(broken.resolve("random.jpg"), noise);
        Files.writeString(broken.resolve("notes.txt"), "not a picture");
        Files.write(broken.resolve("huge.png"), Pngs.declaringSize(png, 100_000, 100_000));
        Files.write(broken.resolve("blank.png"), Pngs.blankPaper());

        Map<String, Row> rows = score(broken, dir.resolve("broken.parquet")).stream()
                .collect(Collectors.toMap(r -> Path.of(java.net.URI.create(r.getString(0)).getPath()).getFileName().toString(), r -> r));

        assertEquals(7, rows.size());
        assertNull(rows.get("good.jpg").get(4));
        assertEquals("empty file", rows.get("empty.png").getString(4));
        assertTrue(rows.get("truncated.png").getString(4).matches("(cannot decode|corrupt or truncated png): .+"),
                rows.get("truncated.png").getString(4));
        assertEquals("not an image in a known format (JPEG, PNG, GIF, BMP, TIFF)", rows.get("random.jpg").getString(4));
        assertEquals("not an image in a known format (JPEG, PNG, GIF, BMP, TIFF)", rows.get("notes.txt").getString(4));
        assertEquals("png declares 100000x100000 pixels, more than the limit of 50000000", rows.get("huge.png").getString(4));
        assertEquals("no ink found: the picture is blank", rows.get("blank.png").getString(4));
        for (String failed : List.of("empty.png", "truncated.png", "random.jpg", "notes.txt", "huge.png", "blank.png")) {
            Row row = rows.get(failed);
            assertTrue(row.isNullAt(1) && row.isNullAt(2) && row.isNullAt(3), failed + " has a prediction");
        }
    }

    @Test
    void writesAReportBesideTheOutputThatOpensOffline() throws Exception {
        Path input = firstScans("batch-1", 60, "report-input");
        Files.write(input.resolve("empty.png"), new byte[0]);
        List<Row> rows = score(input, dir.resolve("scored.parquet"));
        Map<String, Long> perDigit = rows.stream().filter(r -> !r.isNullAt(1))
                .collect(Collectors.groupingBy(r -> String.valueOf(r.getInt(1)), Collectors.counting()));

        Chromium.Visit page = Chromium.open(dir.resolve("scored-report.html"), REPORT_FACTS, Path.of("target/scoring-report.png"));

        assertEquals(List.of(), page.errors());
        assertEquals(List.of(), page.requests());
        JsonNode facts = page.facts();
        Map<String, Long> drawn = new HashMap<>();
        facts.get("perDigit").forEach(bar -> drawn.put(bar.get(0).asText(), bar.get(1).asLong()));
        perDigit.forEach((digit, count) -> assertEquals(count, drawn.get(digit), "bar of digit " + digit));
        assertEquals(60, drawn.values().stream().mapToLong(Long::longValue).sum());
        long histogram = 0;
        for (JsonNode bin : facts.get("confidence")) {
            histogram += bin.asLong();
        }
        assertEquals(60, histogram);
        assertEquals(24, facts.get("leastCertain").asInt());
        assertEquals(48, facts.get("imagesDrawn").asInt(), "each file beside the model's input");
        assertEquals(24, facts.get("inputs28").asInt());
        assertEquals(List.of("empty file", "not an image in a known format (JPEG, PNG, GIF, BMP, TIFF)"),
                new ObjectMapper().convertValue(facts.get("failures"), List.class));
    }

    @Test
    void refusesAnExistingOutputUnlessOverwriting() throws IOException {
        Path input = photos.resolve("batch-2");
        Path output = dir.resolve("rerun.parquet");
        int first = score(input, output, "--glob", "*.jpg").size();

        Cli again = Cli.run("score", "--model", TrainedModel.modelFile().toString(), "--input", input.toString(),
                "--output", output.toString());
        assertEquals(1, again.exitCode());
        assertEquals("error: " + output + ": already exists; choose another --output or add --mode overwrite", again.errorLine());
        assertEquals(first, TestSpark.session().read().parquet(output.toString()).count());

        int all = score(input, output, "--mode", "overwrite").size();
        assertTrue(all > first, all + " rows after overwriting, " + first + " before");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of(), siblings.filter(p -> p.getFileName().toString().startsWith(".rerun")).toList());
        }
    }

    @Test
    void missingInputFailsBeforeWritingAnything() {
        Path output = dir.resolve("never.parquet");
        Cli cli = Cli.run("score", "--model", TrainedModel.modelFile().toString(), "--input", dir.resolve("nowhere").toString(),
                "--output", output.toString());
        assertEquals(1, cli.exitCode());
        assertEquals("error: " + dir.resolve("nowhere") + ": no such file or directory", cli.errorLine());
        assertTrue(Files.notExists(output));
    }

    @Test
    void aFileThatIsNotAModelFailsAtStart() throws IOException {
        Path model = dir.resolve("not-a-model.zip");
        Files.writeString(model, "nonsense");
        Cli cli = Cli.run("score", "--model", model.toString(), "--input", photos.toString(), "--output",
                dir.resolve("nope.parquet").toString());
        assertEquals(1, cli.exitCode());
        assertTrue(cli.errorLine().startsWith("error: " + model + ": not a model saved by this tool ("), cli.errorLine());
        assertTrue(Files.notExists(dir.resolve("nope.parquet")));
    }

    /** A folder of the first {@code count} photos of {@code batch}, and a text file that cannot be scored. */
    private static Path firstScans(String batch, int count, String folder) throws IOException {
        Path input = Files.createDirectories(dir.resolve(folder));
        try (Stream<Path> scans = Files.list(photos.resolve(batch + "/scans")).sorted().limit(count)) {
            for (Path scan : scans.toList()) {
                Files.copy(scan, input.resolve(scan.getFileName()));
            }
        }
        Files.writeString(input.resolve("notes.txt"), "not a picture");
        return input;
    }
}
