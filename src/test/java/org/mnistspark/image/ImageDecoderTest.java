package org.mnistspark.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.mnistspark.testing.Pngs;

/** Every format a scanner or phone produces decodes to the same picture: a dark bar on white. */
class ImageDecoderTest {
    private static final int W = 40;
    private static final int H = 30;

    /** The reference picture's luminance: white, with a black bar in the left third of the top half. */
    private static float expected(int x, int y) {
        return x < W / 3 && y < H / 2 ? 0 : 255;
    }

    private static boolean ink(int x, int y) {
        return expected(x, y) == 0;
    }

    private static void assertLooksLikeTheBar(ImageDecoder.Decoded decoded, double tolerance) {
        assertEquals(W, decoded.grey().width());
        assertEquals(H, decoded.grey().height());
        double worst = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                worst = Math.max(worst, Math.abs(decoded.grey().at(x, y) - expected(x, y)));
            }
        }
        assertTrue(worst <= tolerance, "largest difference " + worst);
    }

    private static BufferedImage grey(int type) {
        BufferedImage image = new BufferedImage(W, H, type);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.setRGB(x, y, ink(x, y) ? 0xff000000 : 0xffffffff);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    private static ImageDecoder.Decoded decode(byte[] data) {
        return ImageDecoder.decode(data, ImageDecoder.DEFAULT_MAX_PIXELS);
    }

    @Test
    void png8BitGrey() throws IOException {
        assertLooksLikeTheBar(decode(encode(grey(BufferedImage.TYPE_BYTE_GRAY), "png")), 0.5);
    }

    @Test
    void png16Bit() throws IOException {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.getRaster().setSample(x, y, 0, ink(x, y) ? 0 : 65535);
            }
        }
        byte[] png = encode(image, "png");
        assertEquals(16, png[24], "bit depth in IHDR");
        assertLooksLikeTheBar(decode(png), 0.5);
    }

    @Test
    void pngPalette() throws IOException {
        IndexColorModel palette = new IndexColorModel(1, 2, new byte[] {0, -1}, new byte[] {0, -1}, new byte[] {0, -1});
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.getRaster().setSample(x, y, 0, ink(x, y) ? 0 : 1);
            }
        }
        assertLooksLikeTheBar(decode(encode(image, "png")), 0.5);
    }

    @Test
    void pngGreyWithAlphaIsLaidOverWhite() throws IOException {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                // The ink is opaque black; the "paper" is fully transparent black.
                raster.setSample(x, y, 0, 0);
                raster.setSample(x, y, 1, ink(x, y) ? 255 : 0);
            }
        }
        byte[] png = encode(new BufferedImage(model, raster, false, null), "png");
        assertEquals(4, png[25], "colour type grey+alpha in IHDR");
        assertLooksLikeTheBar(decode(png), 0.5);
    }

    @Test
    void pngRgbaTransparency() throws IOException {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.setRGB(x, y, ink(x, y) ? 0xff000000 : 0x00000000);
            }
        }
        assertLooksLikeTheBar(decode(encode(image, "png")), 0.5);
    }

    /** The JDK and TwelveMonkeys both read TIFF, and name it differently: the format column says the same whichever reads. */
    @Test
    void tiffIsCalledTiffWhicheverReaderDecodesIt() throws IOException {
        byte[] tiff = encode(grey(BufferedImage.TYPE_3BYTE_BGR), "tiff");
        IIORegistry registry = IIORegistry.getDefaultInstance();
        List<ImageReaderSpi> readers = new ArrayList<>();
        registry.getServiceProviders(ImageReaderSpi.class,
                spi -> Arrays.asList(((ImageReaderSpi) spi).getFormatNames()).contains("tiff"), true)
                .forEachRemaining(readers::add);
        assertTrue(readers.size() >= 2, "the JDK's TIFF reader and TwelveMonkeys': " + readers);
        for (ImageReaderSpi first : readers) {
            readers.stream().filter(other -> other != first).forEach(other -> registry.setOrdering(ImageReaderSpi.class, first, other));
            try {
                assertEquals("tiff", decode(tiff).format(), first.getClass().getName());
            } finally {
                readers.stream().filter(other -> other != first).forEach(other -> registry.unsetOrdering(ImageReaderSpi.class, first, other));
            }
        }
    }

    @Test
    void bmpGifTiff() throws IOException {
        for (String format : new String[] {"bmp", "gif", "tiff"}) {
            ImageDecoder.Decoded decoded = decode(encode(grey(BufferedImage.TYPE_3BYTE_BGR), format));
            assertEquals(format, decoded.format());
            assertLooksLikeTheBar(decoded, 0.5);
        }
    }

    @Test
    void jpegBaselineAndProgressive() throws IOException {
        BufferedImage image = grey(BufferedImage.TYPE_3BYTE_BGR);
        assertLooksLikeTheBar(decode(encode(image, "jpeg")), 80);
        byte[] progressive = writeJpeg(image, true);
        assertLooksLikeTheBar(decode(progressive), 80);
    }

    /** The bar as a CMYK JPEG, with no colour profile and no Adobe marker. */
    private static byte[] cmykJpeg() throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        WritableRaster cmyk = WritableRaster.createInterleavedRaster(DataBuffer.TYPE_BYTE, W, H, 4, null);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                cmyk.setPixel(x, y, new int[] {255, 255, 255, ink(x, y) ? 0 : 255});
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(cmyk, null, null), writer.getDefaultWriteParam());
        }
        writer.dispose();
        return out.toByteArray();
    }

    private static void assertShowsTheBar(ImageDecoder.Decoded decoded) {
        assertEquals("jpeg", decoded.format());
        assertEquals(W, decoded.width());
        double bar = decoded.grey().at(2, 2);
        double rest = decoded.grey().at(W - 2, H - 2);
        assertTrue(Math.abs(rest - bar) > 50, "bar " + bar + ", the rest " + rest);
    }

    @Test
    void jpegCmyk() throws IOException {
        assertShowsTheBar(decode(cmykJpeg()));
    }

    /** As Photoshop writes CMYK: an Adobe marker saying so, and here no ICC profile, which the decoder warns about. */
    @Test
    void jpegCmykWithoutAColourProfileIsReadNotFailed() throws IOException {
        byte[] jpeg = cmykJpeg();
        byte[] adobe = {(byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteBuffer marked = ByteBuffer.allocate(jpeg.length + adobe.length).put(jpeg, 0, 2).put(adobe).put(jpeg, 2, jpeg.length - 2);
        assertShowsTheBar(decode(marked.array()));
    }

    @Test
    void decoderWarningsThatLosePixelsAreToldFromColourOnes() {
        assertTrue(DecoderWarning.losesPixels("Corrupt JPEG data: premature end of data segment"));
        assertTrue(DecoderWarning.losesPixels("Corrupt JPEG data: Bad segment length"));
        assertTrue(DecoderWarning.losesPixels("Truncated file"));
        assertFalse(DecoderWarning.losesPixels(
                "No embedded ICC color profile, will convert using inaccurate CMYK to RGB conversion. Colors may look incorrect."));
        assertFalse(DecoderWarning.losesPixels("Bad 'ICC_PROFILE' chunk count: 0. Ignoring ICC profile."));
        assertFalse(DecoderWarning.losesPixels(
                "Invalid Adobe App14 marker. Indicates YCC data, but SOF0 has 1 color component(s). Ignoring Adobe App14 marker."));
    }

    @Test
    void aDecoderRunningOutOfMemoryFailsThatFileOnly() {
        byte[] hostile = Arrays.copyOf(ExhaustingReader.MAGIC, 64);
        ExhaustingReader.Spi.registeredDuring(() -> assertReason(hostile, "cannot decode: OutOfMemoryError: Java heap space"));
    }

    @Test
    void jpegExifOrientationIsApplied() throws IOException {
        // The bar stored rotated a quarter turn anticlockwise; orientation 6 says "turn clockwise to view".
        BufferedImage stored = new BufferedImage(H, W, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < W; y++) {
            for (int x = 0; x < H; x++) {
                // Displayed (dx, dy) comes from stored (dy, W - 1 - dx), so stored (x, y) is displayed (W - 1 - y, x).
                int dx = W - 1 - y;
                int dy = x;
                stored.setRGB(x, y, ink(dx, dy) ? 0 : 0xffffff);
            }
        }
        byte[] jpeg = withExifOrientation(encode(stored, "jpeg"), 6);
        ImageDecoder.Decoded decoded = decode(jpeg);
        assertEquals(H, decoded.width(), "the declared size is the stored one");
        assertLooksLikeTheBar(decoded, 80);
    }

    @Test
    void emptyFile() {
        assertReason(new byte[0], "empty file");
    }

    @Test
    void randomBytes() {
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        assertReason(noise, "not an image in a known format (JPEG, PNG, GIF, BMP, TIFF)");
    }

    @Test
    void textFile() {
        assertReason("a shopping list\n".getBytes(), "not an image in a known format (JPEG, PNG, GIF, BMP, TIFF)");
    }

    @Test
    void truncatedPng() throws IOException {
        byte[] png = encode(noise(), "png");
        UnreadableImageException e = assertThrows(UnreadableImageException.class,
                () -> decode(Arrays.copyOf(png, png.length / 2)));
        assertTrue(e.getMessage().startsWith("cannot decode: ") || e.getMessage().startsWith("corrupt or truncated png: "),
                e.getMessage());
    }

    @Test
    void truncatedJpeg() throws IOException {
        byte[] jpeg = encode(noise(), "jpeg");
        UnreadableImageException e = assertThrows(UnreadableImageException.class,
                () -> decode(Arrays.copyOf(jpeg, jpeg.length / 2)));
        assertTrue(e.getMessage().startsWith("corrupt or truncated jpeg: ") || e.getMessage().startsWith("cannot decode: "),
                e.getMessage());
    }

    @Test
    void headerDeclaringTooManyPixelsIsRefusedBeforeDecoding() throws IOException {
        byte[] png = Pngs.declaringSize(encode(grey(BufferedImage.TYPE_BYTE_GRAY), "png"), 100_000, 100_000);
        assertReason(png, "png declares 100000x100000 pixels, more than the limit of 50000000");
    }

    private static void assertReason(byte[] data, String reason) {
        UnreadableImageException e = assertThrows(UnreadableImageException.class, () -> decode(data));
        assertEquals(reason, e.getMessage());
    }

    private static BufferedImage noise() {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(5);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static byte[] writeJpeg(BufferedImage image, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        byte[] jpeg = out.toByteArray();
        // A progressive JPEG has an SOF2 marker (FF C2).
        boolean sof2 = false;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            sof2 |= (jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc2;
        }
        assertEquals(progressive, sof2);
        return jpeg;
    }

    /** Inserts an EXIF APP1 segment holding only an orientation tag right after the JPEG's SOI and APP0. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8); // big-endian TIFF header, first IFD at 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] exif = new byte[6 + tiff.capacity()];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.capacity());
        int app0End = 2 + 2 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
        out.put(jpeg, 0, app0End);
        out.put((byte) 0xff).put((byte) 0xe1).putShort((short) (2 + exif.length)).put(exif);
        out.put(jpeg, app0End, jpeg.length - app0End);
        return out.array();
    }
}
