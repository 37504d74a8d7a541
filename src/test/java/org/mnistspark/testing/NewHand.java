package org.mnistspark.testing;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.mnistspark.photos.PaperPhotos;

/**
 * Labelled scans in a hand MNIST does not have: real MNIST digits leaning hard backwards (a shear of
 * the top to the left), written with a broad pen (strokes thickened), photographed on paper as
 * {@link PaperPhotos} does, saved in a folder per class. Scan reading makes them upright again, so
 * they read almost as well as MNIST's own: a hand to train on, not a hard one.
 */
public final class NewHand {
    /** Horizontal shift per row from the centre: 0.5 tilts the strokes by about 27°. */
    private static final double SHEAR = 0.5;
    /** The sheared digit is shrunk so that its slant still fits the 28×28 field. */
    private static final double SCALE = 0.8;

    private static final int[][] CROSS = {{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}};

    private NewHand() {}

    /** {@code mnist} (28×28, ink high) in the new hand: sheared, then its strokes widened by a pixel each side. */
    public static byte[] restyle(byte[] mnist) {
        BufferedImage digit = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        digit.getRaster().setDataElements(0, 0, 28, 28, mnist);
        BufferedImage sheared = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = sheared.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = AffineTransform.getTranslateInstance(14, 14);
        t.scale(SCALE, SCALE);
        // x' = x + SHEAR·y with y growing downwards: the top of the digit moves left.
        t.shear(SHEAR, 0);
        t.translate(-14, -14);
        g.drawImage(digit, t, null);
        g.dispose();
        byte[] thin = (byte[]) sheared.getRaster().getDataElements(0, 0, 28, 28, null);
        byte[] bold = new byte[28 * 28];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int max = 0;
                // The pixel and its four neighbours: strokes a pixel wider each way, corners kept round.
                for (int[] d : CROSS) {
                    int xx = x + d[0];
                    int yy = y + d[1];
                    if (xx >= 0 && yy >= 0 && xx < 28 && yy < 28) {
                        max = Math.max(max, thin[yy * 28 + xx] & 0xff);
                    }
                }
                bold[y * 28 + x] = (byte) max;
            }
        }
        return bold;
    }

    /** Writes each digit as {@code dir/LABEL/INDEX.png} or {@code .jpg}, a photo of the digit in the new hand. */
    public static Path writeFolders(Path dir, List<Digits.Digit> digits, long seed) throws IOException {
        Random random = new Random(seed);
        for (Digits.Digit digit : digits) {
            Path folder = Files.createDirectories(dir.resolve(String.valueOf(digit.label())));
            boolean jpeg = digit.index() % 2 == 0;
            ImageIO.write(PaperPhotos.render(restyle(digit.pixels()), random), jpeg ? "jpeg" : "png",
                    folder.resolve(digit.index() + (jpeg ? ".jpg" : ".png")).toFile());
        }
        return dir;
    }
}
