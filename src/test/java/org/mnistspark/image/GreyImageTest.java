package org.mnistspark.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GreyImageTest {

    /** The bytes read straight from the layouts decoders produce give what drawing over white gives. */
    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY})
    void opaqueBytesReadAsDrawingThemWould(int type) {
        BufferedImage image = new BufferedImage(37, 23, type);
        Random random = new Random(type);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        BufferedImage drawn = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        drawn.createGraphics().drawImage(image, 0, 0, null);

        GreyImage direct = GreyImage.of(image);

        assertArrayEquals(GreyImage.of(drawn).luminance(), direct.luminance());
        assertEquals(37, direct.width());
        assertEquals(23, direct.height());
    }

    @Test
    void resizingAveragesTheAreaEachPixelCovers() {
        GreyImage image = new GreyImage(3, 2, new float[] {0, 30, 90, 60, 120, 150});

        GreyImage half = image.resized(2, 1);

        // Each target pixel covers one and a half source columns of both rows.
        assertArrayEquals(new float[] {(0 + 60 + (30 + 120) / 2f) / 3, ((30 + 120) / 2f + 90 + 150) / 3}, half.luminance(), 1e-4f);
        assertArrayEquals(new float[] {0, 0, 30, 30, 90, 90, 60, 60, 120, 120, 150, 150}, image.resized(6, 2).luminance(), 1e-4f);
    }

    @Test
    void enlargingInterpolatesBetweenPixelCentresAndHoldsTheEdges() {
        GreyImage image = new GreyImage(2, 1, new float[] {0, 100});

        // Target centres at 0.25, 0.75, 1.25, 1.75 source pixels: before the first centre and after the last, the edge.
        assertArrayEquals(new float[] {0, 25, 75, 100}, image.enlarged(4, 1).luminance(), 1e-4f);
        // One row: every target row takes it.
        assertArrayEquals(new float[] {0, 25, 75, 100, 0, 25, 75, 100}, image.enlarged(4, 2).luminance(), 1e-4f);
        // A single pixel stays one level.
        assertArrayEquals(new float[] {7, 7, 7, 7}, new GreyImage(1, 1, new float[] {7}).enlarged(2, 2).luminance(), 1e-4f);
    }
}
