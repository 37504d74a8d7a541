package org.mnistspark.train;

import java.io.Serializable;

/** Which examples make up each step's minibatch: a function of the step alone, so any worker, and a resumed run, can tell. */
interface BatchOrder extends Serializable {
    /** The indices of the examples of step {@code step}'s minibatch. */
    int[] examplesOf(long step);

    /** Steps in one epoch, the unit of {@code --epochs}. */
    long perEpoch();
}
