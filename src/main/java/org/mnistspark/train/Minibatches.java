package org.mnistspark.train;

import java.io.Serializable;
import org.mnistspark.augment.Augmenter;
import org.mnistspark.data.Batch;
import org.nd4j.linalg.dataset.DataSet;

/** What a worker trains on at each step: the step's examples in the run's order, augmented, with the run's targets. */
record Minibatches(BatchOrder order, Targets targets, Augmenter augmenter) implements Serializable {
    DataSet of(TrainingSet data, long step) {
        Batch batch = data.batch(order.examplesOf(step));
        return targets.of(new Batch(batch.labels(), augmenter.apply(batch.pixels(), step)));
    }
}
