package org.mnistspark.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG (with CMYK and progressive), PNG (any depth, palette, alpha), GIF, BMP and TIFF into
 * greyscale, upright as EXIF says. The header is read first, so that a file declaring more pixels
 * than {@code maxPixels} is refused before any memory is spent on it; a decoder's warning (a
 * truncated file, most often) counts as a failure, since the picture would be partly blank.
 */
public final class ImageDecoder {
    /** Enough for a 48-megapixel phone photo, little enough that a few decode in parallel on a laptop. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    private ImageDecoder() {}

    /** A decoded picture: its greyscale pixels and the size the file declared. */
    public record Decoded(GreyImage grey, int width, int height, String format) {}

    public static Decoded decode(byte[] data, long maxPixels) {
        if (data.length == 0) {
            throw new UnreadableImageException("empty file");
        }
        // In memory: ImageIO's own factory would put every picture through a temporary file.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnreadableImageException("not an image in a known format (JPEG, PNG, GIF, BMP, TIFF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw new UnreadableImageException(String.format(
                            "%s declares %dx%d pixels, more than the limit of %d", format, width, height, maxPixels));
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new UnreadableImageException("corrupt or truncated " + format + ": " + warnings.get(0));
                }
                GreyImage grey = GreyImage.of(image).oriented(format.equals("jpeg") ? Orientation.ofJpeg(data) : 1);
                return new Decoded(grey, width, height, format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableImageException unreadable) {
                throw unreadable;
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UnreadableImageException("cannot decode: " + message.lines().findFirst().orElse(message));
        }
    }

    /** Reads and decodes a local file; the exception's message starts with the file's path. */
    public static Decoded read(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UnreadableImageException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return decode(data, DEFAULT_MAX_PIXELS);
        } catch (UnreadableImageException e) {
            throw new UnreadableImageException(file + ": " + e.getMessage());
        }
    }
}
