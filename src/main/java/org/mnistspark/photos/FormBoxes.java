package org.mnistspark.photos;

import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Synthetic digits written where forms and notebooks make people write them: inside a printed box
 * (sometimes touching or crossing it), in one box of a row of combed boxes, on ruled paper and on
 * squared paper. Each picture is the piece of paper a scan of that one digit would show.
 */
public final class FormBoxes implements PhotoSet {
    /** What is printed on the paper around the digit. */
    public enum Layout { BOX, COMB, RULED, SQUARED }

    /** The printed paper and where on it the digit goes. */
    private record Form(Page page, Path2D lines, double thickness, double[] ink, double left, double top) {}

    @Override
    public String name() {
        return "form-boxes";
    }

    @Override
    public BufferedImage render(int digit, int n, Random random) {
        return scan(digit, Layout.values()[n / 2 % Layout.values().length], random, true);
    }

    /**
     * A scan of {@code digit} on paper of {@code layout}; without {@code printed}, the same scan with
     * nothing printed on the paper (the same draws from {@code random}, so the same digit, pen and light).
     */
    public static BufferedImage scan(int digit, Layout layout, Random random, boolean printed) {
        Handwriting hand = Handwriting.of(digit, random);
        double digitHeight = 40 + 110 * random.nextDouble();
        Form form = switch (layout) {
            case BOX -> box(hand, digitHeight, random);
            case COMB -> comb(hand, digitHeight, random);
            case RULED -> ruled(hand, digitHeight, digitHeight * (0.9 + 0.6 * random.nextDouble()), false, random);
            case SQUARED -> ruled(hand, digitHeight, digitHeight * (0.3 + 0.3 * random.nextDouble()), true, random);
        };
        Pen pen = Pen.HANDWRITING.get(random.nextInt(Pen.HANDWRITING.size()));
        if (printed) {
            form.page().print(form.lines(), form.thickness(), form.ink()[0], form.ink()[1], form.ink()[2]);
        }
        form.page().write(hand, form.left(), form.top(), digitHeight, pen, random);
        return form.page().photograph(Paper.random(random), random);
    }

    /** A box a little larger than the digit, and one time in five about its height, so that the digit touches or crosses it. */
    private static Form box(Handwriting hand, double digitHeight, Random random) {
        boolean crossing = random.nextInt(5) == 0;
        double height = digitHeight / (crossing ? 0.95 + 0.15 * random.nextDouble() : 0.55 + 0.3 * random.nextDouble());
        double width = Math.max(height * (0.9 + 0.5 * random.nextDouble()), 1.15 * hand.aspect() * digitHeight);
        double marginX = (0.02 + 0.08 * random.nextDouble()) * width;
        double marginY = (0.02 + 0.08 * random.nextDouble()) * height;
        Page page = new Page((int) Math.round(width + 2 * marginX), (int) Math.round(height + 2 * marginY));
        Path2D lines = new Path2D.Double(new Rectangle2D.Double(marginX, marginY, width, height));
        double spareX = width - hand.aspect() * digitHeight;
        double left = marginX + spareX * (crossing ? 1.2 * random.nextDouble() - 0.1 : 0.15 + 0.7 * random.nextDouble());
        double top = marginY + (height - digitHeight) * (crossing ? random.nextDouble() : 0.2 + 0.6 * random.nextDouble());
        return new Form(page, lines, 1 + 2 * random.nextDouble(), darkPrint(random), left, top);
    }

    /**
     * One cell of a row of combed boxes with a little of its neighbours: rules across the whole picture
     * and the cell's dividers, full height or, half the time, short teeth rising from the bottom rule.
     */
    private static Form comb(Handwriting hand, double digitHeight, Random random) {
        double height = digitHeight / (0.55 + 0.3 * random.nextDouble());
        double width = Math.max(height * (0.7 + 0.4 * random.nextDouble()), 1.15 * hand.aspect() * digitHeight);
        double marginX = (0.03 + 0.09 * random.nextDouble()) * width;
        double marginY = (0.03 + 0.07 * random.nextDouble()) * height;
        Page page = new Page((int) Math.round(width + 2 * marginX), (int) Math.round(height + 2 * marginY));
        boolean teeth = random.nextBoolean();
        double bottom = marginY + height;
        double toothTop = teeth ? bottom - height * (0.45 + 0.2 * random.nextDouble()) : marginY;
        Path2D lines = new Path2D.Double();
        lines.append(new Line2D.Double(0, bottom, page.width(), bottom), false);
        if (!teeth) {
            lines.append(new Line2D.Double(0, marginY, page.width(), marginY), false);
        }
        lines.append(new Line2D.Double(marginX, toothTop, marginX, bottom), false);
        lines.append(new Line2D.Double(marginX + width, toothTop, marginX + width, bottom), false);
        double left = marginX + (width - hand.aspect() * digitHeight) * (0.15 + 0.7 * random.nextDouble());
        double top = marginY + (height - digitHeight) * (0.2 + 0.6 * random.nextDouble());
        return new Form(page, lines, 1 + 2 * random.nextDouble(), darkPrint(random), left, top);
    }

    /** Paper ruled every {@code spacing} pixels, across only or ({@code squared}) down too; rules may run through the digit. */
    private static Form ruled(Handwriting hand, double digitHeight, double spacing, boolean squared, Random random) {
        Page page = new Page((int) Math.round(digitHeight * (1.6 + 1.4 * random.nextDouble())),
                (int) Math.round(digitHeight * (1.6 + random.nextDouble())));
        Path2D lines = new Path2D.Double();
        for (double y = spacing * random.nextDouble(); y < page.height(); y += spacing) {
            lines.append(new Line2D.Double(0, y, page.width(), y), false);
        }
        for (double x = spacing * random.nextDouble(); squared && x < page.width(); x += spacing) {
            lines.append(new Line2D.Double(x, 0, x, page.height()), false);
        }
        double margin = 0.1 * digitHeight;
        double left = margin + random.nextDouble() * Math.max(0, page.width() - 2 * margin - hand.aspect() * digitHeight);
        double top = margin + random.nextDouble() * (page.height() - 2 * margin - digitHeight);
        // Exercise books rule in pale blue or grey.
        double level = 100 + 50 * random.nextDouble();
        double[] ink = random.nextBoolean() ? new double[] {level, level + 25, 205 + 20 * random.nextDouble()} : new double[] {level, level, level};
        return new Form(page, lines, 1 + random.nextDouble(), ink, left, top);
    }

    /** A form's print: black to mid grey. */
    private static double[] darkPrint(Random random) {
        double level = 20 + 90 * random.nextDouble();
        return new double[] {level, level, level};
    }
}
