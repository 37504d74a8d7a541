package org.mnistspark.photos;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Digits not from MNIST, in other hands, as small low-resolution scans: 28 to 80 pixels tall, the digit half to 80% of it. */
final class OtherWriters implements PhotoSet {
    /** Any dark pen: from a fine liner to a broad nib, of a width drawn anew for each digit. */
    static final Pen ANY_PEN = new Pen("any pen", 0.045, 0.17, 30, 30, 35, 1);

    @Override
    public String name() {
        return "other-writers";
    }

    @Override
    public BufferedImage render(int digit, int n, Random random) {
        return scan(Handwriting.of(digit, random), ANY_PEN, random);
    }

    /** The digit written with {@code pen} and scanned small, on paper lit and grained as {@code random} draws it. */
    static BufferedImage scan(Handwriting hand, Pen pen, Random random) {
        int height = 28 + random.nextInt(53);
        Page page = new Page((int) Math.round(height * (0.8 + 0.5 * random.nextDouble())), height);
        page.writeAnywhere(hand, height * (0.5 + 0.3 * random.nextDouble()), pen, random);
        return page.photograph(Paper.random(random), random);
    }
}
