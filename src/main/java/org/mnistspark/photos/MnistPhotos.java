package org.mnistspark.photos;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.idx.IdxImageSet;
import org.mnistspark.idx.MnistFiles;

/** MNIST test digits photographed on paper ({@link PaperPhotos}): the n-th picture of a digit is its n-th test example. */
final class MnistPhotos implements PhotoSet {
    private final List<List<byte[]>> byDigit;

    private MnistPhotos(List<List<byte[]>> byDigit) {
        this.byDigit = byDigit;
    }

    /** The first {@code perDigit} test examples of each digit, from the MNIST files in {@code mnistDir}. */
    static MnistPhotos open(String mnistDir, int perDigit) {
        Configuration conf = new Configuration();
        IdxImageSet test = IdxImageSet.open(MnistFiles.images(mnistDir, MnistFiles.Split.TEST, conf), null, conf);
        List<List<byte[]>> byDigit = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            byDigit.add(new ArrayList<>());
        }
        for (IdxImageSet.Example example : test.read(0, test.count(), conf)) {
            List<byte[]> digits = byDigit.get(example.label());
            if (digits.size() < perDigit) {
                digits.add(example.pixels());
            }
        }
        return new MnistPhotos(byDigit);
    }

    @Override
    public String name() {
        return "mnist-photo";
    }

    @Override
    public BufferedImage render(int digit, int n, Random random) {
        // Past the test set's examples of a digit (at least 892 of each), the same digits photographed again.
        List<byte[]> examples = byDigit.get(digit);
        return PaperPhotos.render(examples.get(n % examples.size()), random);
    }
}
