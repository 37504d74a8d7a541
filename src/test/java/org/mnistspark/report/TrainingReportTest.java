package org.mnistspark.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mnistspark.testing.Chromium;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.TrainedModel;

/** The report of the suite's real training run, as a browser shows it. */
class TrainingReportTest {
    /** What the page shows, read from its DOM once it has loaded. */
    private static final String FACTS = """
            ({
              lossPoints: document.querySelector('#loss-curve polyline').getAttribute('points').trim().split(/\\s+/).length,
              accuracyPoints: document.querySelector('#accuracy-curve polyline').getAttribute('points').trim().split(/\\s+/).length,
              confusionCells: document.querySelectorAll('#confusion rect.cell').length,
              confusionTotal: [...document.querySelectorAll('#confusion rect.cell title')]
                  .map(t => Number(t.textContent.split(': ')[1])).reduce((a, b) => a + b, 0),
              mistakes: document.querySelectorAll('#mistakes figure').length,
              mistakesDrawn: [...document.querySelectorAll('#mistakes img')].filter(i => i.complete && i.naturalWidth === 28).length,
              tables: [...document.querySelectorAll('table')].map(t => t.rows.length),
              reliabilitySeries: document.querySelectorAll('#reliability g.series').length,
              reliabilityDots: document.querySelectorAll('#reliability circle.bin').length,
              text: document.body.innerText
            })
            """;

    private static Path run;

    @BeforeAll
    static void train() {
        run = TrainedModel.runDir();
    }

    @Test
    void theRunEndsWithAReportThatTheReportCommandRebuildsExactly() throws Exception {
        Path report = run.resolve("report.html");
        byte[] written = Files.readAllBytes(report);
        Files.delete(report);

        Cli rebuilt = Cli.run("report", run.toString());

        assertEquals(0, rebuilt.exitCode(), rebuilt.err());
        assertEquals("wrote " + report, rebuilt.out().strip());
        assertArrayEquals(written, Files.readAllBytes(report));
    }

    @Test
    void opensOfflineWithCurvesConfusionMatrixAndTheTestImagesTheModelGotWrong() throws Exception {
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        long wrong = 10_000 - Math.round(metrics.get("accuracy").asDouble() * 10_000);
        List<String> log = Files.readAllLines(run.resolve("train-log.csv"));
        Path screenshot = Path.of("target/training-report.png");

        Chromium.Visit page = Chromium.open(run.resolve("report.html"), FACTS, screenshot);

        assertEquals(List.of(), page.errors());
        assertEquals(List.of(), page.requests());
        JsonNode facts = page.facts();
        assertEquals(log.size() - 1, facts.get("lossPoints").asInt());
        assertEquals(log.size() - 1, facts.get("accuracyPoints").asInt());
        assertEquals(100, facts.get("confusionCells").asInt());
        assertEquals(10_000, facts.get("confusionTotal").asInt());
        assertEquals(Math.min(wrong, 100), facts.get("mistakes").asInt());
        assertEquals(facts.get("mistakes").asInt(), facts.get("mistakesDrawn").asInt());
        // Per class (a header and ten digits), settings, then the data's checksums (a header and four files).
        assertEquals(11, facts.get("tables").get(0).asInt());
        assertEquals(5, facts.get("tables").get(2).asInt());
        String text = facts.get("text").asText();
        assertTrue(text.contains(String.format("test accuracy %.2f%%", 100 * metrics.get("accuracy").asDouble())), text);
        assertTrue(text.contains("t10k-images-idx3-ubyte.gz\t9fb629c4189551a2d022fa330f9573f3"), text);
        assertTrue(text.contains(String.format("%.1f images/s", metrics.get("images_per_second").asDouble())), text);
        // The reliability diagram: a point per non-empty bin, at the model's temperature and before it.
        assertEquals(2, facts.get("reliabilitySeries").asInt());
        long bins = 0;
        for (String calibration : List.of("calibration", "calibration_before_temperature")) {
            for (JsonNode bin : metrics.get(calibration).get("bins")) {
                bins += bin.get("count").asLong() > 0 ? 1 : 0;
            }
        }
        assertEquals(bins, facts.get("reliabilityDots").asLong());
        assertTrue(text.contains(String.format("ECE %.4f", metrics.get("expected_calibration_error").asDouble())), text);
        assertTrue(Files.size(screenshot) > 0);
    }
}
