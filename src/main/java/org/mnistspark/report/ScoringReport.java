package org.mnistspark.report;

import static org.mnistspark.report.Html.format;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The page that goes beside a scoring run's Parquet output. */
public final class ScoringReport {
    /** The least certain files are shown at most this large: enough to judge a scan. */
    private static final int PICTURE_SIDE = 112;

    private ScoringReport() {}

    public static String html(ScoringResults r) {
        String body = "<h1>Scoring " + Html.escape(r.input()) + "</h1>\n"
                + "<p class=\"summary\">" + Html.escape(format("%,d files: %,d scored, %,d failed, in %.1f s (%.1f images/s) · model %s · %s preprocessing · %s",
                        r.found(), r.scored(), r.failed(), r.seconds(), r.found() / r.seconds(), r.model(), r.preprocessing(), r.output()))
                + "</p>\n"
                + (r.reviewBelow() == null ? "" : Html.section(format("To review (%,d of %,d): confidence below %s, or not scored",
                        r.toReview(), r.found(), r.reviewBelow()), review(r), "none: every file was scored at least that confidently"))
                + "<div class=\"charts\">\n" + perDigit(r) + confidence(r) + "</div>\n"
                + Html.section("Least certain predictions", leastCertain(r), "no file could be scored")
                + Html.section(format("Failed files (%,d)", r.failed()), failures(r), "none: every file was scored");
        return Html.page("mnist-spark scoring report", body);
    }

    private static String perDigit(ScoringResults r) {
        long[] counts = new long[10];
        r.perDigit().forEach((digit, count) -> counts[digit] = count);
        return Charts.bars("per-digit", "files per predicted digit", IntStream.range(0, 10).mapToObj(String::valueOf).toList(), counts);
    }

    private static String confidence(ScoringResults r) {
        int bins = r.confidenceBins().length;
        List<String> labels = IntStream.range(0, bins).mapToObj(b -> b % 2 == 0 ? format("%.1f", (double) b / bins) : "").toList();
        return Charts.bars("confidence", "confidence of the predicted digit", labels, r.confidenceBins());
    }

    private static String leastCertain(ScoringResults r) {
        if (r.leastCertain().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<p>Each file as decoded, beside the input the model read from it, with the prediction.</p>\n"
                + "<div class=\"grid\" id=\"least-certain\">\n");
        for (ScoringResults.Uncertain u : r.leastCertain()) {
            // The file's name under the pictures; its whole path when the pointer rests on them.
            html.append(format("<figure title=\"%s\"><div class=\"pair\"><img class=\"picture\" src=\"%s\" alt=\"file\"><img class=\"pixels\" src=\"%s\" alt=\"model input\"></div>"
                            + "<figcaption>%d (%.2f)<br><code>%s</code></figcaption></figure>\n",
                    Html.escape(u.path()), Png.dataUri(u.picture().width(), u.picture().height(), u.picture().luminance(), PICTURE_SIDE),
                    Png.ink(u.cols(), u.rows(), u.input(), 1), u.label(), u.confidence(),
                    Html.escape(u.path().substring(u.path().lastIndexOf('/') + 1))));
        }
        return html.append("</div>\n").toString();
    }

    private static String review(ScoringResults r) {
        if (r.review().isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        for (ScoringResults.Review row : r.review()) {
            rows.add(row.error() != null ? List.of(row.path(), "", "", row.error())
                    : List.of(row.path(), String.valueOf(row.label()), format("%.4f", row.confidence()), "below the threshold"));
        }
        String shown = r.review().size() < r.toReview()
                ? format("<p>The first %d: failed files, then the least confident. The Parquet's review column marks them all.</p>\n",
                        r.review().size())
                : "";
        return shown + "<div id=\"review\">\n" + Html.table(List.of("file", "predicted", "confidence", "why"), rows) + "</div>\n";
    }

    private static String failures(ScoringResults r) {
        if (r.failures().isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        r.failures().forEach(f -> rows.add(List.of(f.path(), f.error())));
        String shown = r.failures().size() < r.failed() ? format("<p>The first %d, by path.</p>\n", r.failures().size()) : "";
        return shown + Html.table(List.of("file", "why it could not be scored"), rows);
    }
}
