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

    /** Turned upright from an EXIF orientation (1 upright, 2–8 the mirrorings and quarter turns). */
    GreyImage oriented(int orientation) {
        if (orientation == 1) {
            return this;
        }
        boolean swap = orientation >= 5;
        int w = swap ? height : width;
        int h = swap ? width : height;
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = switch (orientation) {
                    case 2 -> at(width - 1 - x, y);
                    case 3 -> at(width - 1 - x, height - 1 - y);
                    case 4 -> at(x, height - 1 - y);
                    case 5 -> at(y, x);
                    case 6 -> at(y, height - 1 - x);
                    case 7 -> at(width - 1 - y, height - 1 - x);
                    case 8 -> at(width - 1 - y, x);
                    default -> throw new IllegalArgumentException("EXIF orientation " + orientation);
                };
            }
        }
        return new GreyImage(w, h, out);
    }

    /** The part of the image from (x, y), w × h pixels. */
    GreyImage cropped(int x, int y, int w, int h) {
        float[] out = new float[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(luminance, (y + row) * width + x, out, row * w, w);
        }
        return new GreyImage(w, h, out);
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
