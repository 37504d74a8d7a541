package org.mnistspark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.augment.Augmentation;
import org.mnistspark.augment.Augmenter;
import org.mnistspark.idx.IdxImageSet;
import org.mnistspark.idx.MnistFiles;
import org.mnistspark.model.Preset;

/**
 * What augmenting a training minibatch of 50 MNIST digits costs a worker, in milliseconds of the
 * thread's CPU time (which other work on a shared machine inflates far less than the clock): with the
 * settings of {@code --preset robust}, and with every transformation on every image.
 */
record AugmentationCost(double defaultMillis, double everythingMillis) {
    private static final int BATCH = 50;
    private static final int WARMUP = 200;
    private static final int TIMED = 100;
    private static final int REPEATS = 5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    static AugmentationCost measure(String mnistDir) throws IOException {
        Configuration conf = new Configuration();
        IdxImageSet train = IdxImageSet.open(MnistFiles.images(mnistDir, MnistFiles.Split.TRAIN, conf), null, conf);
        List<IdxImageSet.Example> digits = train.read(0, BATCH, conf);
        byte[] batch = new byte[BATCH * train.rows() * train.cols()];
        for (int i = 0; i < BATCH; i++) {
            System.arraycopy(digits.get(i).pixels(), 0, batch, i * train.rows() * train.cols(), train.rows() * train.cols());
        }
        Augmentation everything = Augmentation.parse("affine=1,proportion=1,pen=1,elastic=1,blur=1,noise=1");
        return new AugmentationCost(millisPerMinibatch(new Augmenter(Preset.ROBUST.augmentation(), train.rows(), train.cols(), 42), batch),
                millisPerMinibatch(new Augmenter(everything, train.rows(), train.cols(), 42), batch));
    }

    /** The median of {@value #REPEATS} timings of {@value #TIMED} minibatches, after a warm-up. */
    private static double millisPerMinibatch(Augmenter augmenter, byte[] batch) {
        for (int step = 0; step < WARMUP; step++) {
            augmenter.apply(batch, step);
        }
        double[] millis = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            long start = CPU.getCurrentThreadCpuTime();
            for (int step = 0; step < TIMED; step++) {
                augmenter.apply(batch, step);
            }
            millis[r] = (CPU.getCurrentThreadCpuTime() - start) / 1e6 / TIMED;
        }
        Arrays.sort(millis);
        return millis[REPEATS / 2];
    }
}
