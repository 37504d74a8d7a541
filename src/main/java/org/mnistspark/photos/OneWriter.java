package org.mnistspark.photos;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * Digits all in one person's hand, as {@code other-writers} scans them: the writer's style, the way they
 * write each digit and the width of their pen are the writer's own (drawn from the writer's number);
 * each picture's wobble, size on the scan, paper and light are its own. A user's labelled scans are
 * like this, and so are the scans they would have the model read after fine-tuning on them.
 */
final class OneWriter implements PhotoSet {
    private final long writer;
    private final WritingStyle style;
    private final String[] templates = new String[10];
    private final Pen pen;

    OneWriter(long writer) {
        this.writer = writer;
        Random random = new Random(writer);
        style = WritingStyle.random(random);
        for (int digit = 0; digit < 10; digit++) {
            List<String> variants = DigitTemplates.of(digit);
            templates[digit] = variants.get(random.nextInt(variants.size()));
        }
        Pen any = OtherWriters.ANY_PEN;
        double width = any.thinnest() + (any.thickest() - any.thinnest()) * random.nextDouble();
        pen = new Pen("the writer's pen", width, width, any.red(), any.green(), any.blue(), any.solid());
    }

    @Override
    public String name() {
        return PhotoSets.oneWriterSet(writer);
    }

    @Override
    public BufferedImage render(int digit, int n, Random random) {
        return OtherWriters.scan(Handwriting.of(templates[digit], style, random), pen, random);
    }
}
