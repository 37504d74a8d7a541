package org.mnistspark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.idx.IdxImageSet;
import org.mnistspark.idx.MnistFiles;
import org.mnistspark.photos.PaperPhotos;

/** A folder of MNIST test digits rendered as photos of paper, alternately JPEG and PNG, in subfolders of 1000. */
final class PhotoFolder {
    private PhotoFolder() {}

    static void write(String mnistDir, Path out, int count) throws IOException {
        Configuration conf = new Configuration();
        IdxImageSet test = IdxImageSet.open(MnistFiles.images(mnistDir, MnistFiles.Split.TEST, conf), null, conf);
        Random random = new Random(1);
        int written = 0;
        while (written < count) {
            for (IdxImageSet.Example digit : test.read(0, Math.min(test.count(), count - written), conf)) {
                Path folder = Files.createDirectories(out.resolve(String.format("part-%03d", written / 1000)));
                boolean jpeg = written % 2 == 0;
                Path file = folder.resolve(String.format("%06d-label%d.%s", written, digit.label(), jpeg ? "jpg" : "png"));
                ImageIO.write(PaperPhotos.render(digit.pixels(), random), jpeg ? "jpeg" : "png", file.toFile());
                written++;
            }
        }
    }
}
