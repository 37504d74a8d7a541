package org.mnistspark.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** A greyscale picture as luminance values in [0, 255], row-major; transparent parts count as white paper. */
public record GreyImage(int width, int height, float[] luminance) {

    /** ITU-R 601 luma, as PIL's {@code convert('L')}, of the image laid over white. */
    public static GreyImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, Color.WHITE, null);
        g.dispose();
        int[] pixels = rgb.getRGB(0, 0, w, h, null, 0, w);
        float[] luminance = new float[w * h];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            luminance[i] = ((p >> 16 & 0xff) * 299 + (p >> 8 & 0xff) * 587 + (p & 0xff) * 114) / 1000f;
        }
        return new GreyImage(w, h, luminance);
    }

    float at(int x, int y) {
        return luminance[y * width + x];
    }

    /**
     * Resized by area averaging: each target pixel is the mean of the source area it covers, the
     * right filter for shrinking photographs to a few pixels without aliasing.
     */
    GreyImage resized(int newWidth, int newHeight) {
        float[] out = new float[newWidth * newHeight];
        double sx = (double) width / newWidth;
        double sy = (double) height / newHeight;
        for (int ty = 0; ty < newHeight; ty++) {
            double y0 = ty * sy;
            double y1 = y0 + sy;
            for (int tx = 0; tx < newWidth; tx++) {
                double x0 = tx * sx;
                double x1 = x0 + sx;
                double sum = 0;
                double area = 0;
                for (int y = (int) y0; y < Math.min(height, Math.ceil(y1)); y++) {
                    double wy = Math.min(y + 1, y1) - Math.max(y, y0);
                    for (int x = (int) x0; x < Math.min(width, Math.ceil(x1)); x++) {
                        double wx = Math.min(x + 1, x1) - Math.max(x, x0);
                        sum += wx * wy * at(x, y);
                        area += wx * wy;
                    }
                }
                out[ty * newWidth + tx] = (float) (sum / area);
            }
        }
        return new GreyImage(newWidth, newHeight, out);
    }
}
