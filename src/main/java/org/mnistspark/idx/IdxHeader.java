package org.mnistspark.idx;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The header of an IDX file of unsigned bytes: a magic number whose low byte is the number of
 * dimensions, then one 32-bit big-endian size per dimension. The first dimension counts records.
 */
public record IdxHeader(int[] dims) {
    /** Magic number of an image file: unsigned bytes, three dimensions (count, rows, cols). */
    public static final int IMAGES_MAGIC = 0x0803;
    /** Magic number of a label file: unsigned bytes, one dimension (count). */
    public static final int LABELS_MAGIC = 0x0801;

    public static IdxHeader images(int count, int rows, int cols) {
        return new IdxHeader(new int[] {count, rows, cols});
    }

    public static IdxHeader labels(int count) {
        return new IdxHeader(new int[] {count});
    }

    /** Reads and checks the header of an image file ({@code IMAGES_MAGIC}) or a label file. */
    static IdxHeader read(InputStream in, String path, int expectedMagic) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int magic;
        try {
            magic = data.readInt();
        } catch (EOFException e) {
            throw new IdxException(path, "too short to hold an IDX header");
        }
        if (magic != expectedMagic) {
            throw new IdxException(path, String.format("not an IDX %s file: magic number %d, expected %d",
                    expectedMagic == IMAGES_MAGIC ? "image" : "label", magic, expectedMagic));
        }
        int[] dims = new int[magic & 0xff];
        try {
            for (int i = 0; i < dims.length; i++) {
                dims[i] = data.readInt();
            }
        } catch (EOFException e) {
            throw new IdxException(path, "truncated inside the IDX header");
        }
        long recordBytes = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0 || (i > 0 && dims[i] == 0)) {
                throw new IdxException(path, "invalid dimensions " + Arrays.toString(dims) + " in the header");
            }
            recordBytes *= i > 0 ? dims[i] : 1;
            if (recordBytes > Integer.MAX_VALUE) {
                // A record is one array; no real data set comes near this.
                throw new IdxException(path, "dimensions " + Arrays.toString(dims) + " in the header make records larger than "
                        + Integer.MAX_VALUE + " bytes");
            }
        }
        return new IdxHeader(dims);
    }

    int magic() {
        return 0x0800 | dims.length;
    }

    public int count() {
        return dims[0];
    }

    public int rows() {
        return dims[1];
    }

    public int cols() {
        return dims[2];
    }

    /** Bytes in one record: rows × cols for images, one for labels. */
    public int recordBytes() {
        int size = 1;
        for (int i = 1; i < dims.length; i++) {
            size = Math.multiplyExact(size, dims[i]);
        }
        return size;
    }

    public int headerBytes() {
        return 4 + 4 * dims.length;
    }

    /** The exact size of a file with this header. */
    public long fileBytes() {
        return headerBytes() + (long) count() * recordBytes();
    }
}
