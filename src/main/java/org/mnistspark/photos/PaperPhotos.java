package org.mnistspark.photos;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * MNIST digits rendered as photographs of paper: a canvas of 100 to 500 pixels a side, unevenly lit
 * light paper with grain, the digit in dark ink at a random size and an off-centre position, in
 * greyscale or slightly tinted colour.
 */
public final class PaperPhotos {
    private PaperPhotos() {}

    public static BufferedImage render(byte[] mnist, Random random) {
        int width = 100 + random.nextInt(401);
        int height = 100 + random.nextInt(401);
        int size = (int) (Math.min(width, height) * (0.35 + 0.45 * random.nextDouble()));
        int left = random.nextInt(width - size + 1);
        int top = random.nextInt(height - size + 1);
        Paper paper = Paper.random(random);
        double ink = 20 + 70 * random.nextDouble();
        boolean tinted = random.nextBoolean();
        Coverage digit = (x, y) -> sample(mnist, (x - left + 0.5) * 28.0 / size - 0.5, (y - top + 0.5) * 28.0 / size - 0.5);
        return Photo.develop(width, height, paper, tinted, List.of(Layer.grey(digit, ink)), random);
    }

    /** Bilinear sample of the 28×28 digit at (u, v), in [0, 1]; 0 outside. */
    private static double sample(byte[] mnist, double u, double v) {
        int u0 = (int) Math.floor(u);
        int v0 = (int) Math.floor(v);
        double fu = u - u0;
        double fv = v - v0;
        return (1 - fu) * (1 - fv) * at(mnist, u0, v0) + fu * (1 - fv) * at(mnist, u0 + 1, v0)
                + (1 - fu) * fv * at(mnist, u0, v0 + 1) + fu * fv * at(mnist, u0 + 1, v0 + 1);
    }

    private static double at(byte[] mnist, int x, int y) {
        return x < 0 || y < 0 || x >= 28 || y >= 28 ? 0 : (mnist[y * 28 + x] & 0xff) / 255.0;
    }
}
