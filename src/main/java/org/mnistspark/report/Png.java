package org.mnistspark.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Greyscale pictures as PNG data URIs, so a report carries its images inside itself. */
final class Png {
    private Png() {}

    /** {@code grey} (0 black to 255 white, row-major) shrunk to at most {@code maxSide} pixels a side. */
    static String dataUri(int width, int height, float[] grey, int maxSide) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] raster = new byte[width * height];
        for (int i = 0; i < raster.length; i++) {
            raster[i] = (byte) Math.round(Math.max(0, Math.min(255, grey[i])));
        }
        image.getRaster().setDataElements(0, 0, width, height, raster);
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        if (scale < 1) {
            int w = Math.max(1, (int) Math.round(width * scale));
            int h = Math.max(1, (int) Math.round(height * scale));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
            g.dispose();
            image = small;
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /** Model input or IDX pixels, ink high, drawn as dark ink on white paper. */
    static String ink(int width, int height, float[] ink, float full) {
        float[] grey = new float[ink.length];
        for (int i = 0; i < ink.length; i++) {
            grey[i] = 255 * (1 - ink[i] / full);
        }
        return dataUri(width, height, grey, Math.max(width, height));
    }
}
