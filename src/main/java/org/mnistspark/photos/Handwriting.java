package org.mnistspark.photos;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/**
 * A digit as one person writes it: one of the digit's stroke templates, every point of it moved a
 * little (an unsteady hand), slanted, and made narrower or wider. The shape is scaled to a height of 1
 * with its top-left corner at (0, 0); {@link #placed} puts it on a page.
 */
record Handwriting(Path2D shape) {
    static Handwriting of(int digit, Random random) {
        var variants = DigitTemplates.of(digit);
        String strokes = variants.get(random.nextInt(variants.size()));
        double wobble = 0.01 + 0.025 * random.nextDouble();
        double slant = 0.35 * (2 * random.nextDouble() - 1);
        double aspect = 0.75 + 0.5 * random.nextDouble();
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
            for (int k = 0; k < points; k++) {
                double x = Double.parseDouble(tokens[i++]) + wobble * random.nextGaussian();
                double y = Double.parseDouble(tokens[i++]) + wobble * random.nextGaussian();
                // Slanted writing leans its tops to the right: shear about the baseline.
                p[2 * k] = aspect * x + slant * (1 - y);
                p[2 * k + 1] = y;
            }
            switch (command) {
                case "M" -> path.moveTo(p[0], p[1]);
                case "L" -> path.lineTo(p[0], p[1]);
                case "Q" -> path.quadTo(p[0], p[1], p[2], p[3]);
                default -> path.curveTo(p[0], p[1], p[2], p[3], p[4], p[5]);
            }
        }
        Rectangle2D bounds = path.getBounds2D();
        AffineTransform unit = AffineTransform.getScaleInstance(1 / bounds.getHeight(), 1 / bounds.getHeight());
        unit.translate(-bounds.getX(), -bounds.getY());
        path.transform(unit);
        return new Handwriting(path);
    }

    /** Width over height. */
    double aspect() {
        return shape.getBounds2D().getWidth();
    }

    /** The digit on a page, {@code height} pixels tall with its top-left corner at (left, top). */
    Path2D placed(double left, double top, double height) {
        AffineTransform page = AffineTransform.getTranslateInstance(left, top);
        page.scale(height, height);
        return new Path2D.Double(shape, page);
    }
}
