package org.mnistspark.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * Files named by location on any file system Hadoop reaches: a local path, {@code hdfs://…}, {@code s3a://…}.
 * Local files go through {@link AtomicFile} (no Hadoop checksum files beside them); the others through
 * Hadoop's file system, written whole or not at all in the same way: a hidden partial file, synced to
 * the data nodes, renamed over the target in one step.
 */
public final class Storage {
    /** Writes a file's content; throwing leaves the published file untouched. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private Storage() {}

    /** {@code name} inside the directory {@code dir}. */
    public static String child(String dir, String name) {
        return new Path(dir, name).toString();
    }

    /** {@code name} in the directory that holds {@code location}. */
    public static String sibling(String location, String name) {
        return new Path(new Path(location).getParent(), name).toString();
    }

    public static boolean isFile(String location, Configuration conf) throws IOException {
        Path path = new Path(location);
        return path.getFileSystem(conf).isFile(path);
    }

    public static InputStream open(String location, Configuration conf) throws IOException {
        Path path = new Path(location);
        try {
            return path.getFileSystem(conf).open(path);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException(location + ": no such file");
        }
    }

    public static void delete(String location, Configuration conf) throws IOException {
        Path path = new Path(location);
        path.getFileSystem(conf).delete(path, false);
    }

    public static void write(String location, Configuration conf, Content content) throws IOException {
        Path path = new Path(location);
        if (isLocal(path, conf)) {
            AtomicFile.write(java.nio.file.Path.of(path.toUri().getPath()), partial -> {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    content.writeTo(out);
                }
            });
            return;
        }
        FileSystem fs = path.getFileSystem(conf);
        // FileContext takes only whole URIs: hdfs:///runs/x names the default HDFS, whose authority it needs spelt out.
        Path target = fs.makeQualified(path);
        Path partial = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".part");
        try {
            try (FSDataOutputStream out = fs.create(partial, false)) {
                content.writeTo(out);
                out.hsync();
            }
            FileContext.getFileContext(fs.getUri(), conf).rename(partial, target, Options.Rename.OVERWRITE);
        } finally {
            fs.delete(partial, false);
        }
    }

    /** A path without a scheme is on the default file system, as everywhere in Spark: local on a laptop, often HDFS on a cluster. */
    private static boolean isLocal(Path path, Configuration conf) throws IOException {
        return path.getFileSystem(conf).getUri().getScheme().equals("file");
    }
}
