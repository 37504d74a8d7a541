package org.mnistspark.model;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's binary form of a float array, the bytes of {@code Nd4j.write} that Deeplearning4j's model zips hold,
 * written and read in bulk: ND4J itself moves them one value at a time through a {@link DataOutputStream},
 * which made loading a model take about half a second and saving one a second. The form is two buffers, the
 * shape information (longs) and the values, each as its allocation mode's name, its length and its type's
 * name, then its elements, big-endian.
 */
final class NdArrayFormat {
    /** Values converted per slice: the byte copy of a slice stays small, whatever the array's size. */
    private static final int SLICE = 1 << 16;

    private NdArrayFormat() {}

    /** What {@code Nd4j.write(array, out)} writes, byte for byte, for a float array. */
    static void write(INDArray array, DataOutputStream out) throws IOException {
        INDArray whole = array.isView() ? array.dup() : array;
        if (whole.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("not a float array: " + whole.dataType());
        }
        DataBuffer shape = whole.shapeInfoDataBuffer();
        writeHeader(shape, out);
        for (long value : shape.asLong()) {
            out.writeLong(value);
        }
        DataBuffer data = whole.data();
        writeHeader(data, out);
        FloatBuffer values = data.asNioFloat().limit(Math.toIntExact(data.length()));
        ByteBuffer slice = ByteBuffer.allocate(SLICE * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
        while (values.hasRemaining()) {
            int n = Math.min(SLICE, values.remaining());
            slice.clear();
            slice.asFloatBuffer().put(values.slice().limit(n));
            values.position(values.position() + n);
            out.write(slice.array(), 0, n * Float.BYTES);
        }
    }

    static byte[] toBytes(INDArray array) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.toIntExact(array.length() * Float.BYTES + 1024));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(array, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The float array that {@code Nd4j.read} would read from {@code in}; any other type is refused. */
    static INDArray read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int shapeLength = Math.toIntExact(readHeader(data, DataType.LONG));
        long[] info = new long[shapeLength];
        for (int i = 0; i < shapeLength; i++) {
            info[i] = data.readLong();
        }
        int length = Math.toIntExact(readHeader(data, DataType.FLOAT));
        byte[] bytes = new byte[Math.multiplyExact(length, Float.BYTES)];
        data.readFully(bytes);
        float[] values = new float[length];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(values);
        int rank = (int) info[0];
        long[] shape = Arrays.copyOfRange(info, 1, 1 + rank);
        long[] stride = Arrays.copyOfRange(info, 1 + rank, 1 + 2 * rank);
        return Nd4j.create(values, shape, stride, (char) info[info.length - 1], DataType.FLOAT);
    }

    private static void writeHeader(DataBuffer buffer, DataOutputStream out) throws IOException {
        out.writeUTF(buffer.allocationMode().name());
        out.writeLong(buffer.length());
        out.writeUTF(buffer.dataType().name());
    }

    /** Reads a buffer's header and returns its length, checking that it holds {@code type}. */
    private static long readHeader(DataInputStream in, DataType type) throws IOException {
        in.readUTF();
        long length = in.readLong();
        String actual = in.readUTF();
        if (!actual.equals(type.name())) {
            throw new IOException("an array of " + actual + " where " + type.name() + " was expected");
        }
        return length;
    }
}
