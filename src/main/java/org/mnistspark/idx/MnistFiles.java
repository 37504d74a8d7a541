package org.mnistspark.idx;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Finds the standard MNIST-style file names ({@code train-images-idx3-ubyte[.gz]} …) in a directory. */
public final class MnistFiles {
    public enum Split {
        TRAIN("train"),
        TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }

        public String imagesName() {
            return prefix + "-images-idx3-ubyte";
        }

        public String labelsName() {
            return prefix + "-labels-idx1-ubyte";
        }
    }

    private MnistFiles() {}

    /** The image file of a split in {@code dir}: the gzip-compressed name first, then the raw one. */
    public static String images(String dir, Split split, Configuration conf) {
        Path directory = new Path(dir);
        try {
            if (!directory.getFileSystem(conf).getFileStatus(directory).isDirectory()) {
                throw new IdxException(dir, "not a directory");
            }
        } catch (java.io.FileNotFoundException e) {
            throw new IdxException(dir, "no such directory (the download command fetches a data set into it)");
        } catch (IOException e) {
            throw new IdxException(dir, "cannot read: " + e.getMessage(), e);
        }
        for (String name : new String[] {split.imagesName() + ".gz", split.imagesName()}) {
            String candidate = new Path(directory, name).toString();
            if (IdxStreams.exists(candidate, conf)) {
                return candidate;
            }
        }
        throw new IdxException(dir, "has no " + split.imagesName() + "[.gz] (the download command fetches it)");
    }
}
