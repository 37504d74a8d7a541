package org.mnistspark.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
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
    void enlargingPassesThroughEachPixelCentreAndKeepsPlainPaperPlain() {
        GreyImage image = new GreyImage(3, 2, new float[] {0, 100, 250, 40, 40, 200});

        // Enlarged three times, a source pixel's centre is the centre of the middle one of its three, which takes its value.
        GreyImage thrice = image.enlarged(9, 6);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                assertEquals(image.at(x, y), thrice.at(3 * x + 1, 3 * y + 1), 1e-3f, "source pixel " + x + ", " + y);
            }
        }
        // Beyond the picture the edge pixels repeat: a plain picture stays plain to its edges.
        float[] plain = new float[4 * 4];
        Arrays.fill(plain, 7);
        float[] enlarged = new GreyImage(2, 2, new float[] {7, 7, 7, 7}).enlarged(4, 4).luminance();
        assertArrayEquals(plain, enlarged, 1e-4f);
    }

    @Test
    void enlargingSharpensEdgesWithinTheGreyScale() {
        // A dark stroke a pixel wide on white paper.
        GreyImage stroke = new GreyImage(5, 1, new float[] {255, 255, 0, 255, 255});

        float[] twice = stroke.enlarged(10, 1).luminance();

        // The stroke's two middle pixels, a quarter of a source pixel from its centre, are darker than
        // bilinear interpolation's 63.75, and the paper beside it, which the kernel overshoots, stays white.
        assertEquals(twice[4], twice[5], 1e-3f);
        assertTrue(twice[4] < 60, "stroke " + Arrays.toString(twice));
        assertEquals(255, twice[2], "paper " + Arrays.toString(twice));
        for (float v : twice) {
            assertTrue(v >= 0 && v <= 255, Arrays.toString(twice));
        }
    }
}
