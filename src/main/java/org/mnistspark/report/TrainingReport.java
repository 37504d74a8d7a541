package org.mnistspark.report;

import static org.mnistspark.report.Html.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.mnistspark.files.Storage;
import org.mnistspark.progress.Progress;
import org.mnistspark.run.RunDirectory;
import org.mnistspark.run.RunSettings;
import org.mnistspark.run.TrainLog;

/**
 * {@code report.html} of a training run, made only from the files the run leaves in its directory
 * ({@code train-config.json}, {@code train-log.csv}, {@code metrics.json}, {@code test-mistakes.json}),
 * so that it can be rebuilt at any time. Before the run has been evaluated it shows what there is.
 */
public final class TrainingReport {
    private TrainingReport() {}

    /** Writes the run's {@code report.html}, on any file system Hadoop reaches; returns its location. */
    public static String write(RunDirectory run) throws IOException {
        if (!run.has(RunDirectory.SETTINGS)) {
            throw new IllegalArgumentException(run.path() + ": not a training run (no " + RunDirectory.SETTINGS + ")");
        }
        RunSettings settings = run.readSettings();
        JsonNode metrics = run.readMetrics();
        TrainLog log = run.readLog();
        String body = "<h1>Training run " + Html.escape(new Path(run.path()).getName()) + "</h1>\n"
                + "<p class=\"summary\">" + Html.escape(summary(settings, metrics, log)) + "</p>\n"
                + Html.section("Training curves", curves(log), "no progress recorded yet")
                + Html.section("Test confusion matrix", metrics.has("confusion_matrix") ? confusion(metrics) : "",
                        "the test set is evaluated at the end of the run")
                + Html.section("Per class", metrics.has("per_class") ? perClass(metrics) : "", "the test set is evaluated at the end of the run")
                + Html.section("Calibration on the test set", metrics.has("calibration") ? calibration(metrics) : "",
                        "the test set is evaluated at the end of the run")
                + Html.section("Test images the model got wrong", mistakes(MistakesFile.read(run.file(RunDirectory.MISTAKES), run.conf()), metrics),
                        metrics.has("accuracy") ? "none: every test image was read right" : "the test set is evaluated at the end of the run")
                + Html.section("Settings", settings(settings), "")
                + Html.section("Data", data(settings), "no checksums recorded")
                + Html.section("Time and throughput", time(metrics, log), "");
        String report = run.file(RunDirectory.REPORT);
        byte[] page = Html.page("mnist-spark training report", body).getBytes(StandardCharsets.UTF_8);
        Storage.write(report, run.conf(), out -> out.write(page));
        return report;
    }

    private static String summary(RunSettings settings, JsonNode metrics, TrainLog log) {
        long steps = settings.steps();
        if (metrics.has("accuracy")) {
            return format("test accuracy %.2f%% on %,d images, loss %.4f · %,d steps of %d · %s", 100 * metrics.get("accuracy").asDouble(),
                    metrics.path("test_examples").asLong(), metrics.path("loss").asDouble(), metrics.path("steps").asLong(),
                    settings.batchSize(), settings.presetName());
        }
        if (metrics.has("steps")) {
            // Without files to test on, a run trained on scans alone or on examples a program gave it.
            String trainedOn = settings.images() != null ? "scans alone" : metrics.path("train_data").asText();
            return format("no test set (trained on %s) · %,d steps of %d · %s", trainedOn, metrics.get("steps").asLong(), settings.batchSize(),
                    settings.presetName());
        }
        return format("in progress: step %,d of %,d · %s", log.lastStep(), steps, settings.presetName());
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

    static String confusion(JsonNode metrics) {
        JsonNode json = metrics.get("confusion_matrix");
        long[][] counts = new long[json.size()][json.size()];
        for (int a = 0; a < counts.length; a++) {
            for (int p = 0; p < counts.length; p++) {
                counts[a][p] = json.get(a).get(p).asLong();
            }
        }
        return Charts.heatMap("confusion", counts);
    }

    static String perClass(JsonNode metrics) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode c : metrics.get("per_class")) {
            rows.add(List.of(c.get("label").asText(), format("%.4f", c.get("precision").asDouble()),
                    format("%.4f", c.get("recall").asDouble()), format("%.4f", c.get("f1").asDouble()), format("%,d", c.get("support").asLong())));
        }
        return Html.table(List.of("digit", "precision", "recall", "F1", "test images"), rows);
    }

    /** The reliability diagram at the model's temperature and, when one was fitted, at the network's own softmax. */
    private static String calibration(JsonNode metrics) {
        double temperature = metrics.path("temperature").asDouble(1);
        List<Charts.Reliability> series = new ArrayList<>();
        series.add(reliability(format("temperature %.3f: ECE %.4f", temperature, metrics.get("calibration").get("expected_calibration_error").asDouble()),
                Charts.INK, metrics.get("calibration")));
        if (metrics.has("calibration_before_temperature")) {
            JsonNode before = metrics.get("calibration_before_temperature");
            series.add(reliability(format("before (temperature 1): ECE %.4f", before.get("expected_calibration_error").asDouble()),
                    Charts.SECOND_INK, before));
        }
        String fit = metrics.path("calibration_examples").asLong() > 0
                ? format(" The temperature was fitted on the last %,d examples of the training split, held out of training: their loss went from %.4f to %.4f.",
                        metrics.get("calibration_examples").asLong(), metrics.path("calibration_loss_before").asDouble(),
                        metrics.path("calibration_loss_after").asDouble())
                : "";
        return "<p>" + Html.escape("Accuracy of the test predictions against their confidence, in 15 bins of equal width; on the dashed "
                + "diagonal a confidence means what it says, below it the model is overconfident. The expected calibration error (ECE) is "
                + "the gap averaged over the predictions." + fit) + "</p>\n"
                + Charts.reliability("reliability", "accuracy against confidence", series);
    }

    private static Charts.Reliability reliability(String name, String colour, JsonNode calibration) {
        List<Charts.Bin> bins = new ArrayList<>();
        for (JsonNode bin : calibration.get("bins")) {
            if (bin.get("count").asLong() > 0) {
                bins.add(new Charts.Bin(bin.get("count").asLong(), bin.get("mean_confidence").asDouble(), bin.get("accuracy").asDouble()));
            }
        }
        return new Charts.Reliability(name, colour, bins);
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

    /** Every setting the run recorded, as its settings file names them; the checksums have a section of their own. */
    private static String settings(RunSettings settings) {
        List<List<String>> rows = new ArrayList<>();
        RunDirectory.namedAsInTheFile(settings).forEach((name, value) -> {
            if (!name.equals("data_md5")) {
                rows.add(List.of(name, value == null ? "" : value.toString()));
            }
        });
        return Html.table(List.of("setting", "value"), rows);
    }

    private static String data(RunSettings settings) {
        List<List<String>> rows = new ArrayList<>();
        if (settings.dataMd5() != null) {
            settings.dataMd5().forEach((file, md5) -> rows.add(List.of(file, md5)));
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
