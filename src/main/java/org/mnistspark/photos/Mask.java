package org.mnistspark.photos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import java.util.function.Consumer;

/** What Java2D draws in white on a black page of width × height, antialiased, read as coverage. */
final class Mask implements Coverage {
    private final int width;
    private final int height;
    private final float[] values;

    private Mask(int width, int height, float[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    static Mask draw(int width, int height, Consumer<Graphics2D> drawing) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        drawing.accept(g);
        g.dispose();
        byte[] bytes = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        float[] values = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = (bytes[i] & 0xff) / 255f;
        }
        return new Mask(width, height, values);
    }

    /** The mask with each pixel's coverage cut to a random share between {@code least} and 1: graphite on paper's tooth. */
    Mask textured(double least, Random random) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (values[i] * (least + (1 - least) * random.nextDouble()));
        }
        return new Mask(width, height, out);
    }

    @Override
    public double at(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : values[y * width + x];
    }
}
