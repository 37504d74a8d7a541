package org.mnistspark.data;

import java.io.Serializable;
import java.util.List;
import org.mnistspark.idx.IdxImageSet.Example;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A minibatch kept compact (one byte a pixel) until it is turned into network input. */
public record Batch(int[] labels, byte[] pixels) implements Serializable {
    public static Batch of(List<Example> examples) {
        int size = examples.get(0).pixels().length;
        int[] labels = new int[examples.size()];
        byte[] pixels = new byte[examples.size() * size];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = examples.get(i).label();
            System.arraycopy(examples.get(i).pixels(), 0, pixels, i * size, size);
        }
        return new Batch(labels, pixels);
    }

    public int size() {
        return labels.length;
    }

    /** Pixels scaled from 0..255 to [0, 1], one row per image. */
    public INDArray features() {
        return Nd4j.create(scaled(pixels), new long[] {labels.length, pixels.length / labels.length}, DataType.FLOAT);
    }

    /** Pixels of one byte each, 0..255, as network input in [0, 1]. */
    public static float[] scaled(byte[] pixels) {
        float[] scaled = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            scaled[i] = (pixels[i] & 0xff) / 255f;
        }
        return scaled;
    }

    /** Network input in [0, 1] as one byte a pixel, {@code round(255·x)}, as IDX files hold images; values outside are clamped. */
    public static byte[] quantized(float[] input) {
        byte[] pixels = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            pixels[i] = (byte) Math.round(255 * Math.max(0, Math.min(1, input[i])));
        }
        return pixels;
    }
}
