package org.mnistspark.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads an image file, with a one-line reason when it cannot. */
public final class ImageDecoder {
    private ImageDecoder() {}

    public static BufferedImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalArgumentException(file + ": not an image in a format this tool reads");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot decode: " + e.getMessage());
        }
    }
}
