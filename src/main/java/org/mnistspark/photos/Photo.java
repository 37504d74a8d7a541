package org.mnistspark.photos;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/** The picture a camera takes of inked paper: each layer laid over the paper's light in turn, then a slight tint. */
final class Photo {
    private Photo() {}

    static BufferedImage develop(int width, int height, Paper paper, boolean tinted, List<Layer> layers, Random random) {
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double light = paper.light(x, y, width, height, random);
                double r = light;
                double g = light;
                double b = light;
                for (Layer layer : layers) {
                    double c = layer.coverage().at(x, y);
                    if (c > 0) {
                        r -= c * (r - layer.red());
                        g -= c * (g - layer.green());
                        b -= c * (b - layer.blue());
                    }
                }
                int red = tinted ? Math.min(255, level(r) + 6) : level(r);
                int blue = tinted ? Math.max(0, level(b) - 12) : level(b);
                photo.setRGB(x, y, red << 16 | level(g) << 8 | blue);
            }
        }
        return photo;
    }

    private static int level(double v) {
        return (int) Math.max(0, Math.min(255, v));
    }
}
