package org.mnistspark.model;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A float array's values as bytes, for shipping between Spark processes: Java serialization copies a
 * byte array in bulk, where it writes float arrays and ND4J arrays one value at a time. Copies in and
 * out go through NIO views of the array's native memory, also in bulk.
 */
public record PackedFloats(byte[] bytes) implements Serializable {

    /** The values of a contiguous (row-major, unit-stride) float array, such as a network's parameters. */
    public static PackedFloats of(INDArray array) {
        byte[] bytes = new byte[Math.toIntExact(array.length() * Float.BYTES)];
        floats(bytes).put(nativeView(array));
        return new PackedFloats(bytes);
    }

    public long length() {
        return bytes.length / Float.BYTES;
    }

    /** Writes the values into {@code target}, a contiguous float array of the same length. */
    public void copyTo(INDArray target) {
        if (target.length() != length()) {
            throw new IllegalArgumentException("cannot copy " + length() + " values into an array of " + target.length());
        }
        nativeView(target).put(floats(bytes));
    }

    /**
     * Adds {@code other}'s values to these, in place. A sum of a round's state is 39 MB: a new array for
     * each would cost the collector more than the additions do.
     */
    public void add(PackedFloats other) {
        if (other.length() != length()) {
            throw new IllegalArgumentException("cannot add " + other.length() + " values to " + length());
        }
        FloatBuffer sum = floats(bytes);
        FloatBuffer b = floats(other.bytes);
        for (int i = 0; i < sum.limit(); i++) {
            sum.put(i, sum.get(i) + b.get(i));
        }
    }

    /** The values as a new row vector. */
    public INDArray toRow() {
        INDArray row = Nd4j.createUninitialized(DataType.FLOAT, 1, length());
        copyTo(row);
        return row;
    }

    private static FloatBuffer floats(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    static FloatBuffer nativeView(INDArray array) {
        return nativeBytes(array).asFloatBuffer();
    }

    /** The raw bits of a contiguous float array's values, read and written in place. */
    static IntBuffer nativeBits(INDArray array) {
        return nativeBytes(array).asIntBuffer();
    }

    private static ByteBuffer nativeBytes(INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.elementWiseStride() != 1 || array.ordering() != 'c') {
            throw new IllegalArgumentException("not a contiguous float array: " + array.shapeInfoToString());
        }
        ByteBuffer all = array.data().asNio();
        all.position(Math.toIntExact(array.offset() * Float.BYTES));
        all.limit(Math.toIntExact((array.offset() + array.length()) * Float.BYTES));
        return all.slice().order(ByteOrder.nativeOrder());
    }
}
