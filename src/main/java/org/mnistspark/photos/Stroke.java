package org.mnistspark.photos;

import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * One movement of the pen from touching the paper to lifting it: points along the path, and the pen's
 * pressure at each (1: the pen's usual line width).
 */
record Stroke(double[] xs, double[] ys, double[] pressure) {
    /** Points about this far apart, in units of the digit's height, are fine enough for any digit's curve. */
    private static final double STEP = 0.01;

    /** Each stroke of {@code path} (each of its move-tos starts one), curves flattened, at even pressure. */
    static List<Stroke> of(Path2D path) {
        List<Stroke> strokes = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        double[] c = new double[6];
        for (PathIterator it = path.getPathIterator(null, STEP / 4); !it.isDone(); it.next()) {
            if (it.currentSegment(c) == PathIterator.SEG_MOVETO && !points.isEmpty()) {
                strokes.add(through(points));
                points.clear();
            }
            points.add(new double[] {c[0], c[1]});
        }
        if (!points.isEmpty()) {
            strokes.add(through(points));
        }
        return strokes;
    }

    private static Stroke through(List<double[]> points) {
        double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
        double[] pressure = new double[xs.length];
        Arrays.fill(pressure, 1);
        return new Stroke(xs, ys, pressure).evenlySpaced();
    }

    int size() {
        return xs.length;
    }

    double length() {
        double length = 0;
        for (int i = 1; i < xs.length; i++) {
            length += Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
        return length;
    }

    /** The same path through points about {@link #STEP} apart (a stroke shorter than that keeps its two ends). */
    Stroke evenlySpaced() {
        double[] along = new double[xs.length];
        for (int i = 1; i < xs.length; i++) {
            along[i] = along[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
        double total = along[xs.length - 1];
        int n = Math.max(2, (int) Math.ceil(total / STEP) + 1);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] p = new double[n];
        int k = 1;
        for (int i = 0; i < n; i++) {
            double target = total * i / (n - 1);
            while (k < xs.length - 1 && along[k] < target) {
                k++;
            }
            int from = Math.max(0, k - 1);
            int to = Math.min(k, xs.length - 1);
            double span = along[to] - along[from];
            double share = span > 0 ? Math.max(0, Math.min(1, (target - along[from]) / span)) : 0;
            x[i] = xs[from] + share * (xs[to] - xs[from]);
            y[i] = ys[from] + share * (ys[to] - ys[from]);
            p[i] = pressure[from] + share * (pressure[to] - pressure[from]);
        }
        return new Stroke(x, y, p);
    }

    /**
     * The stroke lengthened at its start and end by these distances along its direction there (a pen
     * that runs on past where it meant to stop), or shortened where a distance is negative (one that
     * lifts early, leaving a gap); never shortened to less than half its length.
     */
    Stroke lengthened(double atStart, double atEnd) {
        double total = length();
        double cutStart = Math.min(Math.max(0, -atStart), total / 4);
        double cutEnd = Math.min(Math.max(0, -atEnd), total / 4);
        int first = (int) Math.round(cutStart / total * (xs.length - 1));
        int last = xs.length - 1 - (int) Math.round(cutEnd / total * (xs.length - 1));
        Stroke kept = last - first >= 1 ? slice(first, last + 1) : this;
        return kept.extended(Math.max(0, atStart), false).extended(Math.max(0, atEnd), true);
    }

    private Stroke slice(int from, int to) {
        return new Stroke(Arrays.copyOfRange(xs, from, to), Arrays.copyOfRange(ys, from, to), Arrays.copyOfRange(pressure, from, to));
    }

    /** Straight on from one end, {@code by} long, in the direction the path last took there. */
    private Stroke extended(double by, boolean atEnd) {
        if (by <= 0) {
            return this;
        }
        Point2D.Double direction = direction(atEnd);
        int end = atEnd ? xs.length - 1 : 0;
        return joined(new double[] {xs[end] + by * direction.x}, new double[] {ys[end] + by * direction.y}, atEnd);
    }

    /** The unit vector leaving the path at its end ({@code atEnd}) or at its start, judged over the last few points. */
    Point2D.Double direction(boolean atEnd) {
        int reach = Math.min(4, xs.length - 1);
        int end = atEnd ? xs.length - 1 : 0;
        int inner = atEnd ? end - reach : reach;
        double dx = xs[end] - xs[inner];
        double dy = ys[end] - ys[inner];
        double norm = Math.max(1e-9, Math.hypot(dx, dy));
        return new Point2D.Double(dx / norm, dy / norm);
    }

    /** The stroke with these points added after its end ({@code atEnd}) or before its start, in drawing order, at the pressure of that end. */
    Stroke joined(double[] x, double[] y, boolean atEnd) {
        int n = xs.length;
        double[] nx = new double[n + x.length];
        double[] ny = new double[n + x.length];
        double[] np = new double[n + x.length];
        int offset = atEnd ? 0 : x.length;
        System.arraycopy(xs, 0, nx, offset, n);
        System.arraycopy(ys, 0, ny, offset, n);
        System.arraycopy(pressure, 0, np, offset, n);
        int added = atEnd ? n : 0;
        System.arraycopy(x, 0, nx, added, x.length);
        System.arraycopy(y, 0, ny, added, y.length);
        Arrays.fill(np, added, added + x.length, pressure[atEnd ? n - 1 : 0]);
        return new Stroke(nx, ny, np).evenlySpaced();
    }

    /** Every point moved by {@code move} (given and returning x, y). */
    Stroke mapped(UnaryOperator<Point2D.Double> move) {
        double[] x = new double[xs.length];
        double[] y = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            Point2D.Double p = move.apply(new Point2D.Double(xs[i], ys[i]));
            x[i] = p.x;
            y[i] = p.y;
        }
        return new Stroke(x, y, pressure);
    }

    /**
     * Each point pushed sideways, across the path, by {@code offset} of its distance along the whole
     * stroke (0 to 1): an unsteady hand's slow drift from the line it meant.
     */
    Stroke wavering(DoubleUnaryOperator offset) {
        double[] x = xs.clone();
        double[] y = ys.clone();
        for (int i = 0; i < xs.length; i++) {
            int a = Math.max(0, i - 1);
            int b = Math.min(xs.length - 1, i + 1);
            double dx = xs[b] - xs[a];
            double dy = ys[b] - ys[a];
            double norm = Math.hypot(dx, dy);
            if (norm > 0) {
                double d = offset.applyAsDouble(xs.length < 2 ? 0 : (double) i / (xs.length - 1));
                x[i] += -dy / norm * d;
                y[i] += dx / norm * d;
            }
        }
        return new Stroke(x, y, pressure);
    }

    /** The pressure at each point multiplied by {@code factor} of its distance along the stroke (0 to 1). */
    Stroke pressed(DoubleUnaryOperator factor) {
        double[] p = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            p[i] = pressure[i] * factor.applyAsDouble(xs.length < 2 ? 0 : (double) i / (xs.length - 1));
        }
        return new Stroke(xs, ys, p);
    }
}
