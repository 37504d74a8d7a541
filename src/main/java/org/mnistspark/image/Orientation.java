package org.mnistspark.image;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** The EXIF orientation of a JPEG (1 to 8, 1 upright): how a phone says which way up it was held. */
final class Orientation {
    private Orientation() {}

    static int ofJpeg(byte[] jpeg) {
        // In memory and closed: ImageIO's own factory would put each stream through a temporary file.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(input, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            InputStream data = exif.get(0).data();
            data.read(); // the pad byte after "Exif\0"
            try (ImageInputStream tiff = new MemoryCacheImageInputStream(data)) {
                Entry orientation = new TIFFReader().read(tiff).getEntryById(TIFF.TAG_ORIENTATION);
                int value = orientation == null ? 1 : ((Number) orientation.getValue()).intValue();
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (IOException | RuntimeException e) {
            return 1; // unreadable EXIF: the pixels themselves decoded, so take them as they are
        }
    }
}
