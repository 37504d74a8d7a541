package org.mnistspark.idx;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;

/**
 * A validated pair of IDX files: images and their labels. Validation reads both files once, so that
 * every later read can trust the header: magic numbers, dimensions, lengths and counts all agree.
 */
public record IdxImageSet(String imagesPath, String labelsPath, int count, int rows, int cols)
        implements Serializable {

    /** One image with its label and its position in the files. */
    public record Example(long index, int label, byte[] pixels) implements Serializable {}

    /**
     * Opens and validates an image file and its label file. With no explicit label path, the label
     * file is the image file's name with {@code images-idx3} replaced by {@code labels-idx1}, as in
     * the standard MNIST and Fashion-MNIST names; either may be gzip-compressed ({@code .gz}) or not.
     */
    public static IdxImageSet open(String imagesPath, String labelsPath, Configuration conf) {
        String labels = labelsPath != null ? labelsPath : pairedLabelsPath(imagesPath, conf);
        IdxHeader images = validate(imagesPath, IdxHeader.IMAGES_MAGIC, conf);
        IdxHeader labelHeader = validate(labels, IdxHeader.LABELS_MAGIC, conf);
        if (images.count() != labelHeader.count()) {
            throw new IdxException(imagesPath, String.format("holds %d images but %s holds %d labels",
                    images.count(), labels, labelHeader.count()));
        }
        return new IdxImageSet(imagesPath, labels, images.count(), images.rows(), images.cols());
    }

    /** The label file that goes with an image file: its name with {@code images-idx3} replaced by {@code labels-idx1}. */
    public static String pairedLabelsPath(String imagesPath, Configuration conf) {
        int slash = imagesPath.lastIndexOf('/') + 1;
        String name = imagesPath.substring(slash);
        if (!name.contains("images-idx3")) {
            throw new IdxException(imagesPath,
                    "cannot find its label file: the name has no 'images-idx3' to pair; give the 'labels' option");
        }
        String paired = imagesPath.substring(0, slash) + name.replace("images-idx3", "labels-idx1");
        String otherCompression = paired.endsWith(".gz") ? paired.substring(0, paired.length() - 3) : paired + ".gz";
        return !IdxStreams.exists(paired, conf) && IdxStreams.exists(otherCompression, conf) ? otherCompression : paired;
    }

    private static IdxHeader validate(String path, int magic, Configuration conf) {
        if (!IdxStreams.exists(path, conf)) {
            throw new IdxException(path, "no such file");
        }
        try {
            IdxHeader header;
            long actual;
            try (InputStream in = IdxStreams.open(path, conf)) {
                header = IdxHeader.read(in, path, magic);
                actual = header.headerBytes() + IdxStreams.remainingBytes(in, path);
            }
            if (actual < header.fileBytes()) {
                throw new IdxException(path, String.format(
                        "truncated: the header declares %d records of %d bytes (%d bytes in all) but the file holds %d",
                        header.count(), header.recordBytes(), header.fileBytes(), actual));
            }
            if (actual > header.fileBytes()) {
                throw new IdxException(path, String.format(
                        "%d bytes beyond the %d records the header declares", actual - header.fileBytes(), header.count()));
            }
            return header;
        } catch (ZipException e) {
            throw new IdxException(path, "corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IdxException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    /** Reads the examples at positions [from, to). */
    public List<Example> read(int from, int to, Configuration conf) {
        return read(from, to, true, conf);
    }

    /** Reads the examples at positions [from, to); without {@code withPixels}, their labels only, and the image file stays closed. */
    public List<Example> read(int from, int to, boolean withPixels, Configuration conf) {
        int size = pixelsPerImage();
        List<Example> examples = new ArrayList<>(to - from);
        try (InputStream images = withPixels ? IdxStreams.open(imagesPath, conf) : InputStream.nullInputStream();
                InputStream labels = IdxStreams.open(labelsPath, conf)) {
            if (withPixels) {
                IdxStreams.skipFully(images, IdxHeader.images(count, rows, cols).headerBytes() + (long) from * size, imagesPath);
            }
            IdxStreams.skipFully(labels, IdxHeader.labels(count).headerBytes() + (long) from, labelsPath);
            for (int i = from; i < to; i++) {
                byte[] pixels = withPixels ? images.readNBytes(size) : null;
                int label = labels.read();
                if ((withPixels && pixels.length < size) || label < 0) {
                    throw new IdxException(label >= 0 ? imagesPath : labelsPath, "ended early at record " + i);
                }
                examples.add(new Example(i, label, pixels));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(imagesPath + ": cannot read: " + e.getMessage(), e);
        }
        return examples;
    }
}
