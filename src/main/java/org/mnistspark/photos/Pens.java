package org.mnistspark.photos;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Synthetic digits written with each of {@link Pen#HANDWRITING} in turn (two pictures, a JPEG and a
 * PNG, per pen), photographed on unevenly lit paper and saved as a phone does, with JPEG compression.
 */
final class Pens implements PhotoSet {
    @Override
    public String name() {
        return "pens";
    }

    @Override
    public BufferedImage render(int digit, int n, Random random) {
        Pen pen = Pen.HANDWRITING.get(n / 2 % Pen.HANDWRITING.size());
        Handwriting hand = Handwriting.of(digit, random);
        Page page = new Page(100 + random.nextInt(301), 100 + random.nextInt(301));
        page.writeAnywhere(hand, Math.min(page.width(), page.height()) * (0.4 + 0.4 * random.nextDouble()), pen, random);
        return Pictures.jpegCompressed(page.photograph(Paper.random(random), random), 0.3f + 0.5f * random.nextFloat());
    }
}
