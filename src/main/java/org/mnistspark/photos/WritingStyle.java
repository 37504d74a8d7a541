package org.mnistspark.photos;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How one person writes, whatever the digit: how far the writing leans (−25° to +30°), how narrow or
 * wide it is, how unsteady the hand (points of the path moved, strokes that drift off their line),
 * how loops come out lopsided, where strokes stop short of or run past where they meet, how the
 * pen's pressure changes along a stroke, and whether the writer leads into a digit or ends it with a
 * cursive tail. Lengths are in units of the digit's height.
 */
record WritingStyle(double slant, double aspect, double rotation, double jitter, double waver, double lopsided, double bend,
                    double reach, double pressure, boolean lighterStart, boolean leadIn, boolean tail) {
    static WritingStyle random(Random random) {
        return new WritingStyle(
                Math.tan(Math.toRadians(-25 + 55 * random.nextDouble())),
                0.55 + 0.9 * random.nextDouble(),
                Math.toRadians(10 * (2 * random.nextDouble() - 1)),
                0.01 + 0.03 * random.nextDouble(),
                0.01 + 0.035 * random.nextDouble(),
                0.18 * (2 * random.nextDouble() - 1),
                0.1 * (2 * random.nextDouble() - 1),
                0.06 + 0.12 * random.nextDouble(),
                0.6 * random.nextDouble(),
                random.nextBoolean(),
                random.nextInt(3) == 0,
                random.nextInt(3) == 0);
    }

    /** The template's strokes (in its box about 0.7 wide and 1 tall, y down) as this writer puts them on paper. */
    List<Stroke> write(List<Stroke> template, Random random) {
        List<Stroke> strokes = new ArrayList<>();
        for (Stroke stroke : template) {
            strokes.add(unsteady(stroke.lengthened(end(random), end(random)), random));
        }
        if (leadIn) {
            strokes.set(0, Flourish.leadIn(strokes.get(0), random));
        }
        if (tail) {
            strokes.set(strokes.size() - 1, Flourish.tail(strokes.get(strokes.size() - 1), random));
        }
        return strokes.stream().map(s -> s.mapped(this::shaped)).toList();
    }

    /** Where a stroke ends: short of its mark by up to {@code reach} (a gap) or past it (an overshoot). */
    private double end(Random random) {
        return reach * (2 * random.nextDouble() - 1);
    }

    /** The stroke drifting off its line in slow waves (half to 1.2 digits long), and pressed harder and lighter along it. */
    private Stroke unsteady(Stroke stroke, Random random) {
        double waves = stroke.length() / (0.5 + 0.7 * random.nextDouble());
        double phase = 2 * Math.PI * random.nextDouble();
        double amplitude = waver * (2 * random.nextDouble() - 1);
        double pressWaves = 0.5 + 2 * random.nextDouble();
        double pressPhase = 2 * Math.PI * random.nextDouble();
        return stroke.wavering(t -> amplitude * Math.sin(2 * Math.PI * waves * t + phase))
                .pressed(t -> (lighterStart ? Math.min(1, 0.5 + 4 * t) : 1) * Math.min(1, 0.6 + 6 * (1 - t))
                        * (1 + pressure * Math.sin(2 * Math.PI * pressWaves * t + pressPhase)));
    }

    /** A template point as written: the upper or lower half grown (lopsided loops), bent, widened, slanted and turned. */
    private Point2D.Double shaped(Point2D.Double p) {
        double y = p.y + lopsided * Math.sin(Math.PI * p.y);
        double x = aspect * (p.x + bend * Math.sin(Math.PI * y));
        x += slant * (1 - y);
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        return new Point2D.Double(cos * x - sin * y, sin * x + cos * y);
    }
}
