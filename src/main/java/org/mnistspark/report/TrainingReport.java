package org.mnistspark.report;

import static org.mnistspark.report.Html.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.mnistspark.files.Storage;
import org.mnistspark.progress.Progress;

/**
 * {@code report.html} of a training run, made only from the files the run leaves in its directory
 * ({@code train-config.json}, {@code train-log.csv}, {@code metrics.json}, {@code test-mistakes.json}),
 * so that it can be rebuilt at any time. Before the run has been evaluated it shows what there is.
 */
public final class TrainingReport {
    public static final String NAME = "report.html";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The settings shown, as {@code train-config.json} names them. */
    private static final List<String> SETTINGS = List.of("preset", "steps", "epochs", "batch_size", "learning_rate",
            "learning_rate_decay", "weight_init", "label_smoothing", "dropout_keep", "seed", "workers", "averaging_frequency", "checkpoint_every", "data");

    private TrainingReport() {}

    /** Writes {@code runDir/report.html}, on any file system Hadoop reaches; returns its location. */
    public static String write(String runDir, Configuration conf) throws IOException {
        String settingsFile = Storage.child(runDir, "train-config.json");
        if (!Storage.isFile(settingsFile, conf)) {
            throw new IllegalArgumentException(runDir + ": not a training run (no train-config.json)");
        }
        JsonNode settings = readJson(settingsFile, conf);
        String metricsFile = Storage.child(runDir, "metrics.json");
        JsonNode metrics = Storage.isFile(metricsFile, conf) ? readJson(metricsFile, conf) : JSON.createObjectNode();
        TrainLog log = TrainLog.read(Storage.child(runDir, "train-log.csv"), conf);
        String body = "<h1>Training run " + Html.escape(new Path(runDir).getName()) + "</h1>\n"
                + "<p class=\"summary\">" + Html.escape(summary(settings, metrics, log)) + "</p>\n"
                + Html.section("Training curves", curves(log), "no progress recorded yet")
                + Html.section("Test confusion matrix", metrics.has("confusion_matrix") ? confusion(metrics) : "",
                        "the test set is evaluated at the end of the run")
                + Html.section("Per class", metrics.has("per_class") ? perClass(metrics) : "", "the test set is evaluated at the end of the run")
                + Html.section("Test images the model got wrong", mistakes(MistakesFile.read(runDir, conf), metrics),
                        metrics.has("accuracy") ? "none: every test image was read right" : "the test set is evaluated at the end of the run")
                + Html.section("Settings", settings(settings), "")
                + Html.section("Data", data(settings), "no checksums recorded")
                + Html.section("Time and throughput", time(metrics, log), "");
        String report = Storage.child(runDir, NAME);
        byte[] page = Html.page("mnist-spark training report", body).getBytes(StandardCharsets.UTF_8);
        Storage.write(report, conf, out -> out.write(page));
        return report;
    }

    private static JsonNode readJson(String location, Configuration conf) throws IOException {
        try (InputStream in = Storage.open(location, conf)) {
            return JSON.readTree(in);
        }
    }

    private static String summary(JsonNode settings, JsonNode metrics, TrainLog log) {
        long steps = settings.path("steps").asLong();
        if (metrics.has("accuracy")) {
            return format("test accuracy %.2f%% on %,d images, loss %.4f · %,d steps of %d · %s", 100 * metrics.get("accuracy").asDouble(),
                    metrics.path("test_examples").asLong(), metrics.path("loss").asDouble(), metrics.path("steps").asLong(),
                    settings.path("batch_size").asInt(), settings.path("preset").asText());
        }
        return format("in progress: step %,d of %,d · %s", log.lastStep(), steps, settings.path("preset").asText());
    }

    private static String curves(TrainLog log) {
        if (log.steps().length == 0) {
            return "";
        }
        double maxLoss = 0;
        for (double loss : log.losses()) {
            maxLoss = Math.max(maxLoss, loss);
        }
        return "<div class=\"charts\">\n"
                + Charts.line("loss-curve", "training loss (cross-entropy)", "step", log.steps(), log.losses(), 0, Charts.roundUp(maxLoss))
                + Charts.line("accuracy-curve", "training accuracy (recent minibatches)", "step", log.steps(), log.accuracies(), 0, 1)
                + "</div>\n";
    }

    private static String confusion(JsonNode metrics) {
        JsonNode json = metrics.get("confusion_matrix");
        long[][] counts = new long[json.size()][json.size()];
        for (int a = 0; a < counts.length; a++) {
            for (int p = 0; p < counts.length; p++) {
                counts[a][p] = json.get(a).get(p).asLong();
            }
        }
        return Charts.heatMap("confusion", counts);
    }

    private static String perClass(JsonNode metrics) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode c : metrics.get("per_class")) {
            rows.add(List.of(c.get("label").asText(), format("%.4f", c.get("precision").asDouble()),
                    format("%.4f", c.get("recall").asDouble()), format("%.4f", c.get("f1").asDouble()), format("%,d", c.get("support").asLong())));
        }
        return Html.table(List.of("digit", "precision", "recall", "F1", "test images"), rows);
    }

    private static String mistakes(MistakesFile.Contents contents, JsonNode metrics) {
        if (contents.mistakes().isEmpty()) {
            return "";
        }
        long wrong = metrics.path("test_examples").asLong() - Math.round(metrics.path("accuracy").asDouble() * metrics.path("test_examples").asLong());
        StringBuilder html = new StringBuilder(format("<p>The first %d of %,d, in the test set's order: true label → predicted (confidence).</p>\n",
                contents.mistakes().size(), wrong));
        html.append("<div class=\"grid\" id=\"mistakes\">\n");
        for (Mistake m : contents.mistakes()) {
            float[] ink = new float[m.pixels().length];
            for (int i = 0; i < ink.length; i++) {
                ink[i] = m.pixels()[i] & 0xff;
            }
            html.append(format("<figure><img class=\"pixels\" src=\"%s\" alt=\"test image %d\"><figcaption>%d → <span class=\"wrong\">%d</span> (%.2f)<br>#%d</figcaption></figure>\n",
                    Png.ink(contents.cols(), contents.rows(), ink, 255), m.index(), m.label(), m.predicted(), m.confidence(), m.index()));
        }
        return html.append("</div>\n").toString();
    }

    private static String settings(JsonNode settings) {
        List<List<String>> rows = new ArrayList<>();
        for (String name : SETTINGS) {
            JsonNode value = settings.path(name);
            rows.add(List.of(name, value.isMissingNode() || value.isNull() ? "" : value.asText()));
        }
        return Html.table(List.of("setting", "value"), rows);
    }

    private static String data(JsonNode settings) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> file : settings.path("data_md5").properties()) {
            rows.add(List.of(file.getKey(), file.getValue().asText()));
        }
        return rows.isEmpty() ? "" : Html.table(List.of("file", "MD5"), rows);
    }

    private static String time(JsonNode metrics, TrainLog log) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("training time, from the log", Progress.duration(Math.round(log.lastElapsedSeconds()))));
        if (metrics.has("seconds")) {
            rows.add(List.of("training time of the last session", Progress.duration(Math.round(metrics.get("seconds").asDouble()))));
            rows.add(List.of("throughput", format("%.1f images/s", metrics.path("images_per_second").asDouble())));
            rows.add(List.of("examples", format("%,d", metrics.path("examples").asLong())));
            rows.add(List.of("resumed at step", format("%,d", metrics.path("resumed_at_step").asLong())));
        }
        return Html.table(List.of("", ""), rows);
    }

}
