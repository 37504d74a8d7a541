package org.mnistspark.photos;

import java.awt.BasicStroke;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Random;

/**
 * A writing tool: how wide its line is, as a share of the digit's height (drawn between {@code thinnest}
 * and {@code thickest}), its ink's colour as grey levels per channel, and how much of the paper its
 * line leaves showing ({@code solid} 1: none; a pencil's graphite catches only the paper's tooth).
 */
record Pen(String name, double thinnest, double thickest, double red, double green, double blue, double solid) {
    static final Pen BALLPOINT = new Pen("ballpoint", 0.03, 0.055, 30, 30, 60, 1);
    static final Pen MARKER = new Pen("felt marker", 0.1, 0.16, 15, 15, 15, 1);
    static final Pen PENCIL = new Pen("pencil", 0.035, 0.07, 90, 90, 95, 0.35);
    static final Pen BLUE_INK = new Pen("blue ink", 0.045, 0.085, 25, 55, 165, 1);
    /** The pens of the {@code pens} set, in the order its pictures cycle through them. */
    static final List<Pen> HANDWRITING = List.of(BALLPOINT, MARKER, PENCIL, BLUE_INK);

    /**
     * The digit's strokes, already placed on a width × height page, written with this pen: a line as
     * wide as the pen's pressure at each point makes it, a little darker or lighter each time.
     */
    Layer write(List<Stroke> digit, double digitHeight, int width, int height, Random random) {
        double line = Math.max(1.2, digitHeight * (thinnest + (thickest - thinnest) * random.nextDouble()));
        Mask mask = Mask.draw(width, height, g -> {
            for (Stroke stroke : digit) {
                for (int i = 1; i < stroke.size(); i++) {
                    double pressed = line * (stroke.pressure()[i - 1] + stroke.pressure()[i]) / 2;
                    g.setStroke(new BasicStroke((float) Math.max(0.8, pressed), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(new Line2D.Double(stroke.xs()[i - 1], stroke.ys()[i - 1], stroke.xs()[i], stroke.ys()[i]));
                }
            }
        });
        double flow = 25 * (random.nextDouble() - 0.5);
        return new Layer(solid < 1 ? mask.textured(solid, random) : mask, red + flow, green + flow, blue + flow);
    }
}
