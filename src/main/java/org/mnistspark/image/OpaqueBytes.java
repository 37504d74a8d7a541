package org.mnistspark.image;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;

/**
 * Luminance read straight from the bytes of the two layouts JPEG and PNG decoders produce for
 * opaque pictures (8-bit RGB and 8-bit grey): nothing to composite over white, so no copy of the
 * picture is needed, and it is the same values {@link GreyImage#of} computes by drawing.
 */
final class OpaqueBytes {
    private OpaqueBytes() {}

    /** Fills {@code luminance} and answers true, or answers false for any other layout. */
    static boolean read(BufferedImage image, float[] luminance) {
        int type = image.getType();
        WritableRaster raster = image.getRaster();
        if ((type != BufferedImage.TYPE_3BYTE_BGR && type != BufferedImage.TYPE_BYTE_GRAY)
                || !(raster.getSampleModel() instanceof ComponentSampleModel layout)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0 || buffer.getOffset() != 0) {
            return false;
        }
        byte[] data = buffer.getData();
        int w = image.getWidth();
        int pixelStride = layout.getPixelStride();
        int scanline = layout.getScanlineStride();
        int[] band = layout.getBandOffsets();
        boolean grey = band.length == 1;
        for (int y = 0; y < image.getHeight(); y++) {
            int p = y * scanline;
            for (int x = 0; x < w; x++, p += pixelStride) {
                int r = data[p + band[0]] & 0xff;
                luminance[y * w + x] = grey ? r : GreyImage.luma(r, data[p + band[1]] & 0xff, data[p + band[2]] & 0xff);
            }
        }
        return true;
    }
}
