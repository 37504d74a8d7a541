package org.mnistspark.idx;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files of unsigned bytes, raw or gzip-compressed (by the file name's {@code .gz}). */
public final class IdxWriter {
    private IdxWriter() {}

    /** Writes {@code images} (each rows × cols bytes, row-major) as an IDX image file. */
    public static void writeImages(Path file, int rows, int cols, byte[][] images) throws IOException {
        byte[] data = new byte[images.length * rows * cols];
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != rows * cols) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length + " bytes, not " + rows * cols);
            }
            System.arraycopy(images[i], 0, data, i * rows * cols, rows * cols);
        }
        write(file, IdxHeader.images(images.length, rows, cols), data);
    }

    public static void writeLabels(Path file, byte[] labels) throws IOException {
        write(file, IdxHeader.labels(labels.length), labels);
    }

    private static void write(Path file, IdxHeader header, byte[] data) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(
                        file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(header.magic());
            for (int d : header.dims()) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }
}
