package org.mnistspark.image;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reading an image file on any file system Hadoop reaches, as scoring and labelled scans both do. */
public final class ImageFile {
    /** Larger files are refused unread: no scan or photo of a digit comes near it. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    private ImageFile() {}

    /** The file's bytes; a file larger than {@code maxFileBytes}, missing or unreadable is an {@link UnreadableImageException}. */
    public static byte[] read(String path, Configuration conf, long maxFileBytes) {
        Path file = new Path(path);
        try {
            FileSystem fs = file.getFileSystem(conf);
            long length = fs.getFileStatus(file).getLen();
            if (length > maxFileBytes) {
                throw new UnreadableImageException(String.format("file of %d bytes, more than the limit of %d",
                        length, maxFileBytes));
            }
            try (InputStream in = fs.open(file)) {
                return in.readNBytes((int) length);
            }
        } catch (FileNotFoundException e) {
            throw new UnreadableImageException("no such file");
        } catch (IOException e) {
            throw new UnreadableImageException("cannot read: " + e.getMessage());
        }
    }
}
