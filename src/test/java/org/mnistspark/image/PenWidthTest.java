package org.mnistspark.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PenWidthTest {
    @Test
    void measuresAStrokeAsTwiceItsAreaOverItsOutline() {
        float[] bar = new float[110 * 10];
        for (int y = 3; y < 7; y++) {
            for (int x = 5; x < 105; x++) {
                bar[y * 110 + x] = 1;
            }
        }
        bar[0] = 1; // a speck in the corner, not part of the stroke
        PenWidth.Stroke stroke = PenWidth.Stroke.of(new GreyImage(110, 10, bar));

        // 400 pixels of ink, 204 of them beside paper (both long edges and the two ends' middle pixels).
        assertEquals(800.0 / 204, stroke.width(), 1e-9);
        assertEquals(100, stroke.length());
    }

    @Test
    void aFinePensZeroComesOutAsBroadAsMnistsStrokes() {
        // A 0 of 200 pixels drawn 8 wide: 0.8 of a pixel once the digit is 20 pixels tall.
        float[] input = Preprocessing.MNIST.apply(GreyImage.of(zero(8)), 28, 28);

        double width = PenWidth.Stroke.of(new GreyImage(28, 28, input)).width();
        assertTrue(width >= 2.5 && width <= 3.2, "stroke " + width + " pixels wide, where MNIST's are 2.5 to 3.4 (its middle half)");
        assertEquals(0, input[14 * 28 + 14], "the 0's hole stays open");
    }

    @Test
    void aBroadPensStrokesAreLeftAsTheyAre() {
        // Drawn 35 wide: 3.5 pixels once the digit is 20 pixels tall, broader than most of MNIST's strokes.
        GreyImage ink = new GreyImage(28, 28, Preprocessing.MNIST.apply(GreyImage.of(zero(35)), 28, 28));

        double width = PenWidth.Stroke.of(ink).width();
        assertTrue(width > 2.5, "stroke " + width + " pixels wide");
        assertSame(ink, PenWidth.thickened(ink));
    }

    /** A 0 on white paper, 400 × 400, its ellipse 120 × 200, drawn with a pen {@code width} pixels broad. */
    private static BufferedImage zero(float width) {
        BufferedImage page = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 400);
        g.setColor(new Color(30, 30, 40));
        g.setStroke(new BasicStroke(width));
        g.draw(new Ellipse2D.Double(140, 100, 120, 200));
        g.dispose();
        return page;
    }
}
