package org.mnistspark.report;

import static org.mnistspark.report.Html.format;

import java.util.List;

/** Charts drawn as inline SVG: nothing to load, and they scale with the page. */
final class Charts {
    private static final int WIDTH = 520;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;
    private static final int TICKS = 5;
    static final String INK = "#2f6fb3";
    /** A second series beside {@link #INK}. */
    static final String SECOND_INK = "#c0642a";

    private Charts() {}

    /** {@code ys} against {@code xs} as a line, the y axis running from {@code yMin} to {@code yMax}. */
    static String line(String id, String title, String xLabel, double[] xs, double[] ys, double yMin, double yMax) {
        double xMax = xs.length == 0 ? 1 : Math.max(xs[xs.length - 1], 1);
        StringBuilder svg = axes(frame(id, title), xLabel, xMax, yMin, yMax);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            double clipped = Math.max(yMin, Math.min(yMax, ys[i]));
            points.append(format("%.1f,%.1f ", x(xs[i], xMax), y(clipped, yMin, yMax)));
        }
        svg.append(format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>", INK, points.toString().strip()));
        return svg.append("</svg>\n").toString();
    }

    /** One bin of a reliability diagram: how many predictions, their mean confidence, and the share of them that was right. */
    record Bin(long count, double confidence, double accuracy) {}

    /** A series of a reliability diagram: its name in the legend, its colour and its non-empty bins. */
    record Reliability(String name, String colour, List<Bin> bins) {}

    /**
     * A reliability diagram: each bin's accuracy against its mean confidence, one line of points per
     * series, over the diagonal where the two agree. A point below the diagonal is overconfidence.
     */
    static String reliability(String id, String title, List<Reliability> series) {
        StringBuilder svg = axes(frame(id, title), "confidence", 1, 0, 1);
        svg.append(format("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#9aa3b2\" stroke-dasharray=\"4 3\"/>",
                x(0, 1), y(0, 0, 1), x(1, 1), y(1, 0, 1)));
        for (int s = 0; s < series.size(); s++) {
            Reliability r = series.get(s);
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (Bin b : r.bins()) {
                double px = x(b.confidence(), 1);
                double py = y(b.accuracy(), 0, 1);
                points.append(format("%.1f,%.1f ", px, py));
                dots.append(format("<circle class=\"bin\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %,d predictions, "
                        + "confidence %.4f, accuracy %.4f</title></circle>", px, py, r.colour(), Html.escape(r.name()), b.count(),
                        b.confidence(), b.accuracy()));
            }
            svg.append(format("<g class=\"series\"><polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%s",
                    r.colour(), points.toString().strip(), dots));
            svg.append(format("<text x=\"%d\" y=\"%d\" style=\"fill:%s\">%s</text></g>", LEFT + 10, TOP + 14 + 14 * s, r.colour(),
                    Html.escape(r.name())));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Horizontal grid lines with the y values, x values under the axis, and the x axis's label. */
    private static StringBuilder axes(StringBuilder svg, String xLabel, double xMax, double yMin, double yMax) {
        for (int t = 0; t <= TICKS; t++) {
            double value = yMin + (yMax - yMin) * t / TICKS;
            double y = y(value, yMin, yMax);
            svg.append(format("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eef1f5\"/>", LEFT, WIDTH - RIGHT, y, y));
            svg.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT - 6, y + 4, number(value)));
            double x = x(xMax * t / TICKS, xMax);
            svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, HEIGHT - BOTTOM + 16,
                    number(xMax * t / TICKS)));
        }
        return svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 6,
                Html.escape(xLabel)));
    }

    /** One bar per label, heights to scale with the largest value. */
    static String bars(String id, String title, List<String> labels, long[] values) {
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        StringBuilder svg = frame(id, title);
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, labels.size());
        for (int i = 0; i < labels.size(); i++) {
            double height = (HEIGHT - TOP - BOTTOM) * (double) values[i] / max;
            double x = LEFT + i * slot;
            svg.append(format("<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d</title></rect>",
                    x + slot * 0.1, HEIGHT - BOTTOM - height, slot * 0.8, height, INK, Html.escape(labels.get(i)), values[i]));
            svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x + slot / 2, HEIGHT - BOTTOM + 16,
                    Html.escape(labels.get(i))));
            if (values[i] > 0) {
                svg.append(format("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>", x + slot / 2,
                        HEIGHT - BOTTOM - height - 4, values[i]));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** A square matrix of counts (rows actual, columns predicted), each cell shaded by its share of its row. */
    static String heatMap(String id, long[][] counts) {
        int n = counts.length;
        int cell = 40;
        int margin = 56;
        int size = margin + n * cell + 8;
        StringBuilder svg = new StringBuilder(format("<svg id=\"%s\" class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"confusion matrix\">", id, size, size + 16, size, size + 16));
        svg.append(format("<text x=\"%d\" y=\"14\" text-anchor=\"middle\">predicted</text>", margin + n * cell / 2));
        svg.append(format("<text x=\"12\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 12 %d)\">actual</text>",
                margin + n * cell / 2, margin + n * cell / 2));
        for (int a = 0; a < n; a++) {
            long rowTotal = 0;
            for (long c : counts[a]) {
                rowTotal += c;
            }
            svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>", margin + a * cell + cell / 2, margin - 8, a));
            svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>", margin - 8, margin + a * cell + cell / 2 + 4, a));
            for (int p = 0; p < n; p++) {
                double share = rowTotal == 0 ? 0 : (double) counts[a][p] / rowTotal;
                // A square root lifts the rare confusions off white, where a linear scale would hide them.
                double shade = Math.sqrt(share);
                String fill = a == p ? blend(shade, 47, 111, 179) : blend(shade, 179, 38, 30);
                svg.append(format("<rect class=\"cell\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#fff\">"
                        + "<title>actual %d, predicted %d: %d</title></rect>", margin + p * cell, margin + a * cell, cell, cell, fill,
                        a, p, counts[a][p]));
                svg.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" style=\"fill:%s\">%d</text>", margin + p * cell + cell / 2,
                        margin + a * cell + cell / 2 + 4, shade > 0.6 ? "#fff" : "#39414f", counts[a][p]));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** The next number above {@code value} with one significant digit (0.424 becomes 0.5), so axis ticks read easily. */
    static double roundUp(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double unit = Math.pow(10, Math.floor(Math.log10(value)));
        return Math.ceil(value / unit) * unit;
    }

    private static StringBuilder frame(String id, String title) {
        StringBuilder svg = new StringBuilder(format("<svg id=\"%s\" class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"%s\">", id, WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(title)));
        svg.append(format("<text x=\"%d\" y=\"16\" style=\"font-weight:600\">%s</text>", LEFT, Html.escape(title)));
        svg.append(format("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#9aa3b2\"/>", LEFT, WIDTH - RIGHT,
                HEIGHT - BOTTOM, HEIGHT - BOTTOM));
        return svg;
    }

    private static double x(double value, double max) {
        return LEFT + (WIDTH - LEFT - RIGHT) * value / max;
    }

    private static double y(double value, double min, double max) {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (value - min) / (max - min);
    }

    /** White blended towards the colour (r, g, b) by {@code amount} in [0, 1]. */
    private static String blend(double amount, int r, int g, int b) {
        return format("rgb(%d,%d,%d)", mix(amount, r), mix(amount, g), mix(amount, b));
    }

    private static int mix(double amount, int channel) {
        return (int) Math.round(255 - (255 - channel) * amount);
    }

    /** Tick labels: whole numbers with thousands separators, fractions with up to three decimals. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) >= 1
                ? format("%,d", (long) value)
                : format("%.3f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
