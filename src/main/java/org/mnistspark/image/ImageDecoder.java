package org.mnistspark.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * than {@code maxPixels} is refused before any memory is spent on it; a decoder's warning that pixels
 * were lost (a truncated file, most often) counts as a failure, since the picture would be partly blank.
 * Whatever a file does to a decoder, even exhausting memory, ends as that file's {@link UnreadableImageException}.
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
                String format = formatName(reader);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > maxPixels) {
                    throw new UnreadableImageException(String.format(
                            "%s declares %dx%d pixels, more than the limit of %d", format, width, height, maxPixels));
                }
                List<String> lostPixels = new ArrayList<>();
                reader.addIIOReadWarningListener((r, warning) -> {
                    if (DecoderWarning.losesPixels(warning)) {
                        lostPixels.add(warning);
                    }
                });
                BufferedImage image = reader.read(0);
                if (!lostPixels.isEmpty()) {
                    throw new UnreadableImageException("corrupt or truncated " + format + ": " + lostPixels.get(0));
                }
                GreyImage grey = GreyImage.of(image).oriented(format.equals("jpeg") ? Orientation.ofJpeg(data) : 1);
                return new Decoded(grey, width, height, format);
            } finally {
                reader.dispose();
            }
        } catch (UnreadableImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException("cannot decode: " + (e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e)));
        } catch (OutOfMemoryError | StackOverflowError e) {
            // A hostile file can exhaust a decoder; that is the file's failure, not the job's.
            throw new UnreadableImageException("cannot decode: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e)));
        }
    }

    /**
     * The format's MIME subtype ({@code jpeg}, {@code png}, {@code gif}, {@code bmp}, {@code tiff}): the
     * name a reader gives is its own choice, and the JDK's TIFF reader and TwelveMonkeys' name it differently.
     */
    private static String formatName(ImageReader reader) throws IOException {
        String[] mimeTypes = reader.getOriginatingProvider().getMIMETypes();
        return mimeTypes != null && mimeTypes.length > 0
                ? mimeTypes[0].substring(mimeTypes[0].indexOf('/') + 1).toLowerCase(Locale.ROOT)
                : reader.getFormatName().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(Throwable e) {
        return e.getMessage().lines().findFirst().orElse("");
    }

    /** Reads and decodes a local file; the exception's message starts with the file's path. */
    public static Decoded read(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UnreadableImageException(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UnreadableImageException(file + ": permission denied");
        } catch (IOException e) {
            throw new UnreadableImageException(file + ": cannot read: " + e.getMessage());
        }
        try {
            return decode(data, DEFAULT_MAX_PIXELS);
        } catch (UnreadableImageException e) {
            throw new UnreadableImageException(file + ": " + e.getMessage());
        }
    }
}
