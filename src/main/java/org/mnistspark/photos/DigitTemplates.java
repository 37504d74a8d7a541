package org.mnistspark.photos;

import java.awt.geom.Path2D;
import java.util.List;
import java.util.Random;

/**
 * How people write each digit, as pen strokes: the variants in which people really differ, in a box
 * about 0.7 wide and 1 tall (y down). Each variant is a path: {@code M x y} lifts the pen and moves it,
 * {@code L} draws a line, {@code Q} a quadratic and {@code C} a cubic Bézier curve to the last point given.
 */
final class DigitTemplates {
    private static final List<List<String>> VARIANTS = List.of(
            List.of(// 0: a round oval, one open at the top, a narrow one, one run on past its start
                    "M 0.35 0 C 0.75 0 0.75 1 0.35 1 C -0.05 1 -0.05 0 0.35 0",
                    "M 0.45 0.05 C 0.1 -0.05 0 0.5 0.1 0.8 C 0.2 1.05 0.6 1 0.62 0.6 C 0.65 0.25 0.5 0 0.3 0.08",
                    "M 0.3 0.02 C 0.08 0.02 0.04 0.5 0.08 0.78 C 0.13 1.02 0.42 1.02 0.47 0.75 C 0.53 0.4 0.48 0 0.3 0.02",
                    "M 0.5 0.1 C 0.35 -0.05 0.05 0.05 0.05 0.5 C 0.05 0.95 0.6 1.05 0.65 0.5 C 0.68 0.15 0.45 -0.02 0.25 0.06"),
            List.of(// 1: one stroke, straight or bowed; with a flag; with a flag and a base
                    "M 0.35 0 L 0.35 1",
                    "M 0.4 0 C 0.37 0.35 0.35 0.7 0.3 1",
                    "M 0.2 0.2 L 0.38 0 L 0.38 1",
                    "M 0.22 0.16 Q 0.32 0.1 0.4 0 L 0.4 1",
                    "M 0.16 0.22 L 0.38 0 L 0.38 1 M 0.12 1 L 0.64 1"),
            List.of(// 2: a straight base, a looped base, a curly wavy base, a sharp zig
                    "M 0.05 0.25 C 0.1 -0.05 0.65 -0.08 0.62 0.28 C 0.6 0.5 0.2 0.75 0.02 1 L 0.68 1",
                    "M 0.05 0.25 C 0.1 -0.05 0.65 -0.08 0.62 0.28 C 0.6 0.5 0.25 0.8 0.08 0.95 C 0 1.02 0.05 0.82 0.2 0.88"
                            + " C 0.35 0.95 0.5 1 0.7 0.95",
                    "M 0.08 0.2 C 0.15 -0.05 0.6 -0.06 0.6 0.25 C 0.6 0.5 0.3 0.7 0.05 0.98 C 0.3 0.9 0.5 0.96 0.72 1.02",
                    "M 0.04 0.18 C 0.12 -0.02 0.58 -0.05 0.6 0.2 L 0.05 1 L 0.7 0.99"),
            List.of(// 3: round, flat-topped (a z-3), a small top over a big bottom, a pointed middle
                    "M 0.05 0.12 C 0.25 -0.05 0.65 0 0.6 0.25 C 0.58 0.42 0.4 0.47 0.25 0.48 C 0.45 0.48 0.7 0.58 0.65 0.78"
                            + " C 0.6 1.02 0.2 1.05 0.02 0.88",
                    "M 0.05 0 L 0.62 0 L 0.3 0.42 C 0.6 0.4 0.7 0.6 0.65 0.78 C 0.6 1.02 0.2 1.02 0.02 0.88",
                    "M 0.12 0.1 C 0.3 -0.04 0.58 0.02 0.54 0.2 C 0.5 0.34 0.36 0.4 0.25 0.42 C 0.55 0.42 0.72 0.6 0.66 0.8"
                            + " C 0.56 1.04 0.15 1.02 0.02 0.85",
                    "M 0.05 0.08 C 0.4 -0.06 0.72 0.12 0.55 0.3 L 0.3 0.46 L 0.55 0.58 C 0.75 0.76 0.55 1.05 0.05 0.92"),
            List.of(// 4: open with a long or a short stem, closed with a long or a short stem
                    "M 0.12 0 L 0.05 0.62 L 0.7 0.62 M 0.52 0.1 L 0.52 1",
                    "M 0.1 0 L 0.04 0.66 L 0.7 0.66 M 0.52 0.2 L 0.52 0.9",
                    "M 0.52 1 L 0.52 0 L 0.02 0.65 L 0.7 0.65",
                    "M 0.5 0.88 L 0.5 0 L 0.02 0.7 L 0.7 0.7",
                    "M 0.15 0 C 0.1 0.3 0.03 0.5 0.06 0.6 L 0.7 0.58 M 0.56 0 L 0.5 1"),
            List.of(// 5: one stroke; a detached flag; a short flag over a big belly; a belly that does not curl back
                    "M 0.62 0.02 L 0.15 0.02 L 0.1 0.45 C 0.3 0.35 0.68 0.4 0.66 0.7 C 0.64 1 0.25 1.05 0.03 0.88",
                    "M 0.12 0.02 L 0.08 0.45 C 0.3 0.35 0.68 0.4 0.66 0.7 C 0.64 1 0.25 1.05 0.03 0.88 M 0.14 0.02 L 0.64 0",
                    "M 0.15 0 L 0.12 0.38 C 0.35 0.28 0.72 0.38 0.66 0.7 C 0.6 1 0.2 1.02 0.02 0.85 M 0.16 0.02 L 0.55 -0.02",
                    "M 0.6 0 L 0.15 0 L 0.12 0.42 C 0.4 0.4 0.66 0.5 0.62 0.72 C 0.58 0.95 0.3 1 0.05 0.95"),
            List.of(// 6: a curved or straight stem, with a big or a small loop
                    "M 0.55 0.02 C 0.25 0.15 0.05 0.45 0.06 0.72 C 0.08 1.02 0.6 1.05 0.62 0.72 C 0.63 0.45 0.2 0.42 0.08 0.65",
                    "M 0.5 0 L 0.12 0.55 C 0 0.8 0.15 1 0.35 1 C 0.6 1 0.68 0.62 0.4 0.55 C 0.25 0.52 0.15 0.6 0.1 0.7",
                    "M 0.6 0 C 0.3 0.1 0.1 0.4 0.1 0.75 C 0.1 1 0.55 1.02 0.55 0.8 C 0.55 0.6 0.2 0.6 0.12 0.78",
                    "M 0.45 0 L 0.15 0.65 C 0.05 0.9 0.2 1 0.35 1 C 0.55 1 0.6 0.75 0.45 0.68 C 0.3 0.62 0.2 0.7 0.16 0.78"),
            List.of(// 7: plain, crossed, hooked at the top, crossed with a curved stem, with a curved stem
                    "M 0.02 0.05 L 0.68 0.05 L 0.25 1",
                    "M 0.02 0.05 L 0.68 0.05 L 0.25 1 M 0.2 0.52 L 0.62 0.52",
                    "M 0.02 0.15 L 0.05 0.02 L 0.68 0.05 C 0.5 0.35 0.35 0.65 0.3 1",
                    "M 0.02 0.08 C 0.25 0 0.5 0.05 0.68 0.02 C 0.5 0.3 0.35 0.6 0.3 1 M 0.2 0.5 L 0.6 0.5",
                    "M 0.02 0.02 L 0.68 0.02 C 0.45 0.3 0.35 0.6 0.35 1"),
            List.of(// 8: a figure-eight stroke, an S and back, two loops, a small top over a big bottom
                    "M 0.35 0.48 C 0 0.4 0.05 0 0.35 0 C 0.65 0 0.7 0.4 0.35 0.48 C -0.05 0.58 0 1 0.35 1 C 0.7 1 0.75 0.58 0.35 0.48",
                    "M 0.6 0.1 C 0.45 -0.05 0.05 0 0.1 0.22 C 0.15 0.45 0.65 0.55 0.65 0.78 C 0.65 1.02 0.05 1.02 0.05 0.78"
                            + " C 0.05 0.55 0.6 0.4 0.62 0.2",
                    "M 0.35 0 C 0.05 0 0.05 0.46 0.35 0.46 C 0.65 0.46 0.65 0 0.35 0 M 0.35 0.46 C 0 0.46 0 1 0.35 1"
                            + " C 0.7 1 0.7 0.46 0.35 0.46",
                    "M 0.4 0.38 C 0.15 0.32 0.18 0 0.38 0 C 0.58 0 0.6 0.3 0.4 0.38 C 0 0.5 0 1 0.35 1 C 0.72 1 0.72 0.5 0.4 0.38"),
            List.of(// 9: a straight or curved stem, a big or a small loop
                    "M 0.6 0.3 C 0.6 -0.05 0.05 -0.05 0.05 0.25 C 0.05 0.5 0.55 0.55 0.6 0.3 L 0.58 1",
                    "M 0.6 0.3 C 0.6 -0.05 0.05 -0.05 0.05 0.25 C 0.05 0.5 0.55 0.55 0.6 0.3 C 0.6 0.7 0.5 0.95 0.15 0.98",
                    "M 0.62 0.4 C 0.62 -0.05 0.02 -0.05 0.02 0.3 C 0.02 0.6 0.55 0.62 0.62 0.4 L 0.6 1",
                    "M 0.6 0.2 C 0.55 -0.02 0.15 0 0.15 0.18 C 0.15 0.35 0.55 0.38 0.6 0.2 L 0.4 1",
                    "M 0.55 0.1 C 0.4 -0.03 0.05 0.05 0.08 0.25 C 0.1 0.45 0.5 0.45 0.6 0.15 C 0.6 0.5 0.6 0.8 0.5 1"));

    private DigitTemplates() {}

    static List<String> of(int digit) {
        return VARIANTS.get(digit);
    }

    /** A variant as a path, every point of it moved by about {@code jitter} (a hand never lands twice on the same spot). */
    static Path2D path(String strokes, double jitter, Random random) {
        Path2D path = new Path2D.Double();
        String[] tokens = strokes.split(" ");
        for (int i = 0; i < tokens.length; ) {
            String command = tokens[i++];
            int points = switch (command) {
                case "M", "L" -> 1;
                case "Q" -> 2;
                case "C" -> 3;
                default -> throw new IllegalArgumentException("unknown stroke command " + command + " in " + strokes);
            };
            double[] p = new double[2 * points];
            for (int k = 0; k < 2 * points; k++) {
                p[k] = Double.parseDouble(tokens[i++]) + jitter * random.nextGaussian();
            }
            switch (command) {
                case "M" -> path.moveTo(p[0], p[1]);
                case "L" -> path.lineTo(p[0], p[1]);
                case "Q" -> path.quadTo(p[0], p[1], p[2], p[3]);
                default -> path.curveTo(p[0], p[1], p[2], p[3], p[4], p[5]);
            }
        }
        return path;
    }
}
