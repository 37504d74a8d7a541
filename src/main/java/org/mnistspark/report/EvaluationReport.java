package org.mnistspark.report;

import static org.mnistspark.report.Html.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;

/**
 * The page beside an {@code evaluation.json} of labelled scans: accuracy, the confusion matrix, the
 * per-class table, the scans the model got wrong (their paths and the 28×28 input it read) and the
 * files that were skipped, with why.
 */
public final class EvaluationReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scan the model got wrong, with its file. */
    public record WrongScan(String path, Mistake mistake) {}

    private EvaluationReport() {}

    /** Where the report of {@code evaluationJson} goes: {@code evaluation.json} gets {@code evaluation-report.html}. */
    public static String location(String evaluationJson) {
        String name = new org.apache.hadoop.fs.Path(evaluationJson).getName().replaceFirst("\\.json$", "");
        return Storage.sibling(evaluationJson, name + "-report.html");
    }

    /** Writes the report of {@code evaluation} (evaluation.json's content) to {@code location}. */
    public static void write(String location, Configuration conf, Map<String, Object> evaluation, int rows, int cols,
            List<WrongScan> wrong) throws IOException {
        JsonNode json = JSON.valueToTree(evaluation);
        JsonNode images = json.path("images");
        long examples = json.path("test_examples").asLong();
        String body = "<h1>Evaluation on " + Html.escape(json.path("test_data").asText()) + "</h1>\n"
                + "<p class=\"summary\">" + Html.escape(format("accuracy %.2f%% on %,d scans, loss %.4f · %,d files skipped · model %s · %s preprocessing",
                        100 * json.path("accuracy").asDouble(), examples, json.path("loss").asDouble(), images.path("skipped_count").asLong(),
                        json.path("model").asText(), json.path("preprocess").asText())) + "</p>\n"
                + Html.section("Confusion matrix", TrainingReport.confusion(json), "")
                + Html.section("Per class", TrainingReport.perClass(json), "")
                + Html.section("Scans the model got wrong", wrong(wrong, examples - Math.round(json.path("accuracy").asDouble() * examples), rows, cols),
                        "none: every scan was read right")
                + Html.section(format("Skipped files (%,d)", images.path("skipped_count").asLong()), skipped(images.path("skipped")),
                        "none: every file was used");
        byte[] page = Html.page("mnist-spark evaluation report", body).getBytes(StandardCharsets.UTF_8);
        Storage.write(location, conf, out -> out.write(page));
    }

    private static String wrong(List<WrongScan> wrong, long total, int rows, int cols) {
        if (wrong.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(format("<p>The first %d of %,d, by file: the input the model read, true label → predicted (confidence).</p>\n",
                wrong.size(), total));
        html.append("<div class=\"grid\" id=\"wrong\">\n");
        for (WrongScan w : wrong) {
            Mistake m = w.mistake();
            float[] ink = new float[m.pixels().length];
            for (int i = 0; i < ink.length; i++) {
                ink[i] = m.pixels()[i] & 0xff;
            }
            html.append(format("<figure title=\"%s\"><img class=\"pixels\" src=\"%s\" alt=\"model input\"><figcaption>%d → <span class=\"wrong\">%d</span> (%.2f)<br><code>%s</code></figcaption></figure>\n",
                    Html.escape(w.path()), Png.ink(cols, rows, ink, 255), m.label(), m.predicted(), m.confidence(), Html.escape(w.path())));
        }
        return html.append("</div>\n").toString();
    }

    private static String skipped(JsonNode skipped) {
        List<List<String>> rows = new ArrayList<>();
        skipped.forEach(s -> rows.add(List.of(s.path("path").asText(), s.path("reason").asText())));
        return rows.isEmpty() ? "" : Html.table(List.of("file", "why it was skipped"), rows);
    }
}
