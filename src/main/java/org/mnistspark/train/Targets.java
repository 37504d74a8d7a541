package org.mnistspark.train;

import java.io.Serializable;
import java.util.Arrays;
import org.mnistspark.data.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the network is trained to output for each label: one-hot rows over {@code classes}, or, with
 * {@code smoothing} above 0, rows that give that share of their weight to every class evenly and the
 * rest to the label's (label smoothing), so that the network is not pushed towards certainty.
 */
record Targets(int classes, double smoothing) implements Serializable {
    Targets {
        if (smoothing < 0 || smoothing >= 1) {
            throw new IllegalArgumentException("label smoothing must be at least 0 and below 1, not " + smoothing);
        }
    }

    INDArray of(int[] labels) {
        float everyClass = (float) (smoothing / classes);
        float[] rows = new float[labels.length * classes];
        Arrays.fill(rows, everyClass);
        for (int i = 0; i < labels.length; i++) {
            rows[i * classes + labels[i]] = (float) (1 - smoothing) + everyClass;
        }
        return Nd4j.create(rows, new long[] {labels.length, classes}, DataType.FLOAT);
    }

    /** The minibatch's features with these targets for its labels. */
    DataSet of(Batch batch) {
        return new DataSet(batch.features(), of(batch.labels()));
    }
}
