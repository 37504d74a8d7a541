package org.mnistspark.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.idx.IdxImageSet;

/**
 * Writes MNIST test digits as photos of paper for benchmarks: {@code RenderPhotos MNIST_DIR OUT_DIR COUNT}.
 * Alternates JPEG and PNG, spread over subfolders of 1000 files.
 */
public final class RenderPhotos {
    private RenderPhotos() {}

    public static void main(String[] args) throws IOException {
        Path mnist = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        Configuration conf = new Configuration();
        IdxImageSet test = IdxImageSet.open(mnist.resolve("t10k-images-idx3-ubyte.gz").toString(), null, conf);
        Random random = new Random(1);
        int written = 0;
        while (written < count) {
            for (IdxImageSet.Example digit : test.read(0, Math.min(test.count(), count - written), conf)) {
                Path folder = Files.createDirectories(out.resolve(String.format("part-%03d", written / 1000)));
                String format = written % 2 == 0 ? "jpeg" : "png";
                Path file = folder.resolve(String.format("%06d-label%d.%s", written, digit.label(), format.equals("jpeg") ? "jpg" : "png"));
                ImageIO.write(PaperPhotos.render(digit.pixels(), random), format, file.toFile());
                written++;
            }
        }
        System.out.println("wrote " + written + " photos under " + out);
    }
}
