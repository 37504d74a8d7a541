package org.mnistspark.idx;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Opens IDX files on any Hadoop file system, raw or gzip-compressed (recognised by content, not name). */
final class IdxStreams {
    private static final int GZIP_MAGIC = 0x1f8b;

    private IdxStreams() {}

    static boolean exists(String path, Configuration conf) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(conf).isFile(p);
        } catch (IOException e) {
            return false;
        }
    }

    static InputStream open(String path, Configuration conf) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        InputStream in;
        try {
            in = new BufferedInputStream(fs.open(p), 1 << 16);
        } catch (FileNotFoundException e) {
            throw new IdxException(path, "no such file");
        }
        in.mark(2);
        int magic = (in.read() << 8) | in.read();
        in.reset();
        if (magic != GZIP_MAGIC) {
            return in;
        }
        try {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        } catch (ZipException e) {
            in.close();
            throw new IdxException(path, "corrupt gzip data: " + e.getMessage());
        }
    }

    /** Reads {@code in} to its end and counts the bytes: for gzip, the only way to know the length. */
    static long remainingBytes(InputStream in, String path) throws IOException {
        try {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
            return total;
        } catch (ZipException | java.io.EOFException e) {
            throw new IdxException(path, "corrupt or truncated gzip data: " + e.getMessage());
        }
    }

    static void skipFully(InputStream in, long bytes, String path) throws IOException {
        try {
            in.skipNBytes(bytes);
        } catch (java.io.EOFException e) {
            throw new IdxException(path, "ended early while seeking to byte " + bytes);
        }
    }
}
