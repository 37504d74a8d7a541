package org.mnistspark.photos;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A width × height piece of paper that is printed and written on, then photographed or scanned. */
final class Page {
    private final int width;
    private final int height;
    private final List<Layer> layers = new ArrayList<>();

    Page(int width, int height) {
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Printed rules or boxes: {@code lines} stroked {@code thickness} pixels wide in an ink of these grey levels. */
    void print(Shape lines, double thickness, double red, double green, double blue) {
        Mask mask = Mask.draw(width, height, g -> {
            g.setStroke(new BasicStroke((float) thickness));
            g.draw(lines);
        });
        layers.add(new Layer(mask, red, green, blue));
    }

    /** The digit written {@code digitHeight} pixels tall with its top-left corner at (left, top). */
    void write(Handwriting digit, double left, double top, double digitHeight, Pen pen, Random random) {
        layers.add(pen.write(digit.placed(left, top, digitHeight), digitHeight, width, height, random));
    }

    /** The digit written at a random place that keeps it on the page, at most {@code digitHeight} tall. */
    void writeAnywhere(Handwriting digit, double digitHeight, Pen pen, Random random) {
        double margin = 0.1 * digitHeight;
        double fitting = Math.min(digitHeight, Math.min(height - 2 * margin, (width - 2 * margin) / digit.aspect()));
        double left = margin + random.nextDouble() * Math.max(0, width - 2 * margin - fitting * digit.aspect());
        double top = margin + random.nextDouble() * Math.max(0, height - 2 * margin - fitting);
        write(digit, left, top, fitting, pen, random);
    }

    /** A photo of the page on {@code paper}, tinted warm one time in four (indoor light). */
    BufferedImage photograph(Paper paper, Random random) {
        return Photo.develop(width, height, paper, random.nextInt(4) == 0, layers, random);
    }
}
