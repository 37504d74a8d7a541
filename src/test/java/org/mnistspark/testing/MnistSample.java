package org.mnistspark.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.mnistspark.idx.IdxWriter;

/** The first examples of real MNIST as a small IDX data set, for runs that test the mechanics, not accuracy. */
public final class MnistSample {
    private MnistSample() {}

    public static Path write(Path dir, int trainCount, int testCount) throws IOException {
        copy("train", trainCount, dir);
        copy("t10k", testCount, dir);
        return dir;
    }

    private static void copy(String prefix, int count, Path dir) throws IOException {
        List<Row> rows = TestSpark.session().read().format("idx")
                .load(TestData.mnist().resolve(prefix + "-images-idx3-ubyte.gz").toString())
                .orderBy("index").limit(count).collectAsList();
        byte[][] images = new byte[count][];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) rows.get(i).getInt(1);
            images[i] = (byte[]) rows.get(i).get(2);
        }
        IdxWriter.writeImages(dir.resolve(prefix + "-images-idx3-ubyte"), 28, 28, images);
        IdxWriter.writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte"), labels);
    }
}
