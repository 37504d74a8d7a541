package org.mnistspark.train;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.mnistspark.data.Batch;
import org.mnistspark.data.LabeledImages;

/**
 * The training examples in the order of the IDX file, one byte a pixel: what each worker needs to
 * build any minibatch itself (47 MB for MNIST), so that a round moves no data, only parameters. Kryo,
 * where a Spark program chose it, serializes it as Java does: its default serializer cannot build a
 * record on Java 17 (see {@code BroadcastModel.State}).
 */
@DefaultSerializer(JavaSerializer.class)
record TrainingSet(int[] labels, byte[] pixels, int pixelsPerImage) implements Serializable {

    static TrainingSet collect(LabeledImages images) {
        List<Row> rows = images.frame().orderBy("index").select("label", "image").collectAsList();
        int size = images.shape().pixels();
        int[] labels = new int[rows.size()];
        byte[] pixels = new byte[rows.size() * size];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).getInt(0);
            System.arraycopy((byte[]) rows.get(i).get(1), 0, pixels, i * size, size);
        }
        return new TrainingSet(labels, pixels, size);
    }

    /** This set's examples, then {@code more}'s: {@code more}'s example i is example {@code count() + i} here. */
    TrainingSet followedBy(TrainingSet more) {
        int[] allLabels = new int[labels.length + more.labels.length];
        System.arraycopy(labels, 0, allLabels, 0, labels.length);
        System.arraycopy(more.labels, 0, allLabels, labels.length, more.labels.length);
        byte[] allPixels = new byte[pixels.length + more.pixels.length];
        System.arraycopy(pixels, 0, allPixels, 0, pixels.length);
        System.arraycopy(more.pixels, 0, allPixels, pixels.length, more.pixels.length);
        return new TrainingSet(allLabels, allPixels, pixelsPerImage);
    }

    int count() {
        return labels.length;
    }

    /** Examples {@code from} to {@code to} - 1, as a set of their own. */
    TrainingSet range(int from, int to) {
        return new TrainingSet(java.util.Arrays.copyOfRange(labels, from, to),
                java.util.Arrays.copyOfRange(pixels, from * pixelsPerImage, to * pixelsPerImage), pixelsPerImage);
    }

    /** The examples at {@code indices}, in that order. */
    Batch batch(int[] indices) {
        int[] batchLabels = new int[indices.length];
        byte[] batchPixels = new byte[indices.length * pixelsPerImage];
        for (int i = 0; i < indices.length; i++) {
            batchLabels[i] = labels[indices[i]];
            System.arraycopy(pixels, indices[i] * pixelsPerImage, batchPixels, i * pixelsPerImage, pixelsPerImage);
        }
        return new Batch(batchLabels, batchPixels);
    }
}
