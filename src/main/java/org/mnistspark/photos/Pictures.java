package org.mnistspark.photos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writing pictures as files: JPEG at a chosen quality, or PNG. */
final class Pictures {
    /** A phone's or scanner's usual JPEG quality. */
    static final float FILE_QUALITY = 0.9f;

    private Pictures() {}

    /** Writes {@code image} as JPEG if the name ends in {@code .jpg}, else as PNG. */
    static void write(BufferedImage image, Path file) throws IOException {
        byte[] bytes = file.getFileName().toString().endsWith(".jpg") ? jpeg(image, FILE_QUALITY) : png(image);
        Files.write(file, bytes);
    }

    /** The picture as it comes back from JPEG compression at {@code quality} (0 to 1): blocks, ringing, smeared colour. */
    static BufferedImage jpegCompressed(BufferedImage image, float quality) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg(image, quality)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
