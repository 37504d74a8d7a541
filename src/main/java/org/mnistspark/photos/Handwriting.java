package org.mnistspark.photos;

import java.awt.geom.Point2D;
import java.util.List;
import java.util.Random;

/**
 * A digit as one person writes it: one of the digit's stroke templates in a writer's own
 * {@link WritingStyle}. The strokes are scaled to a height of 1 with their top-left corner at (0, 0);
 * {@link #placed} puts them on a page.
 */
record Handwriting(List<Stroke> strokes) {
    /** The digit in one of its templates, by a writer of a style of their own, both drawn from {@code random}. */
    static Handwriting of(int digit, Random random) {
        var variants = DigitTemplates.of(digit);
        String template = variants.get(random.nextInt(variants.size()));
        return of(template, WritingStyle.random(random), random);
    }

    /** The template as a writer of {@code style} puts it down this time: a hand never lands twice on the same spot. */
    static Handwriting of(String template, WritingStyle style, Random random) {
        List<Stroke> written = style.write(Stroke.of(DigitTemplates.path(template, style.jitter(), random)), random);
        double[] box = bounds(written);
        double scale = 1 / (box[3] - box[1]);
        return new Handwriting(written.stream()
                .map(s -> s.mapped(p -> new Point2D.Double((p.x - box[0]) * scale, (p.y - box[1]) * scale))).toList());
    }

    /** The smallest x and y, then the largest, of the strokes' points. */
    private static double[] bounds(List<Stroke> strokes) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Stroke s : strokes) {
            for (int i = 0; i < s.size(); i++) {
                box[0] = Math.min(box[0], s.xs()[i]);
                box[1] = Math.min(box[1], s.ys()[i]);
                box[2] = Math.max(box[2], s.xs()[i]);
                box[3] = Math.max(box[3], s.ys()[i]);
            }
        }
        return box;
    }

    /** Width over height. */
    double aspect() {
        double[] box = bounds(strokes);
        return box[2] - box[0];
    }

    /** The digit's strokes on a page, {@code height} pixels tall with its top-left corner at (left, top). */
    List<Stroke> placed(double left, double top, double height) {
        return strokes.stream().map(s -> s.mapped(p -> new Point2D.Double(left + height * p.x, top + height * p.y))).toList();
    }
}
