package org.mnistspark.photos;

import java.awt.geom.Point2D;
import java.util.Arrays;
import java.util.Random;

/** Cursive additions to a digit: a short lead-in stroke before its first stroke, a tail flicked up and right after its last. */
final class Flourish {
    private Flourish() {}

    /**
     * The stroke begun with a short lead-in rising from the lower left and curving into the stroke's
     * own direction; only a stroke that sets off rightwards gets one (a lead-in into a 1's flag would
     * make it a 7, into a 6's stem a hook).
     */
    static Stroke leadIn(Stroke stroke, Random random) {
        double length = 0.06 + 0.08 * random.nextDouble();
        Point2D.Double start = new Point2D.Double(stroke.xs()[0], stroke.ys()[0]);
        Point2D.Double into = stroke.direction(false);
        if (into.x < 0.5 || into.y < -0.6) {
            return stroke;
        }
        Point2D.Double from = new Point2D.Double(start.x - 0.8 * length, start.y + 0.6 * length);
        Point2D.Double bend = new Point2D.Double(start.x - 0.5 * length * into.x, start.y - 0.5 * length * into.y);
        double[][] curve = curve(from, bend, start);
        // Drawn towards the stroke: all but its last point, which is the stroke's first.
        return stroke.joined(Arrays.copyOf(curve[0], curve[0].length - 1), Arrays.copyOf(curve[1], curve[1].length - 1), false);
    }

    /**
     * The stroke ended with a tail that runs on a little and turns up to the right; only a stroke that
     * ends going down gets one (a tail on a 1's base would make it a 2, inside a 6's loop a scribble).
     */
    static Stroke tail(Stroke stroke, Random random) {
        double length = 0.06 + 0.1 * random.nextDouble();
        int last = stroke.size() - 1;
        Point2D.Double end = new Point2D.Double(stroke.xs()[last], stroke.ys()[last]);
        Point2D.Double out = stroke.direction(true);
        if (out.y < 0.5) {
            return stroke;
        }
        Point2D.Double bend = new Point2D.Double(end.x + 0.5 * length * out.x, end.y + 0.5 * length * out.y);
        Point2D.Double to = new Point2D.Double(bend.x + 0.7 * length, bend.y - 0.5 * length);
        double[][] curve = curve(end, bend, to);
        return stroke.joined(Arrays.copyOfRange(curve[0], 1, curve[0].length), Arrays.copyOfRange(curve[1], 1, curve[1].length), true);
    }

    /** Points along the quadratic Bézier curve from {@code a} to {@code c} drawn towards {@code b}: xs, then ys. */
    private static double[][] curve(Point2D.Double a, Point2D.Double b, Point2D.Double c) {
        int n = 8;
        double[][] points = new double[2][n + 1];
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double u = 1 - t;
            points[0][i] = u * u * a.x + 2 * u * t * b.x + t * t * c.x;
            points[1][i] = u * u * a.y + 2 * u * t * b.y + t * t * c.y;
        }
        return points;
    }
}
