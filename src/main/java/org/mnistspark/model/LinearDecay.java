package org.mnistspark.model;

import java.util.Objects;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A learning rate falling in a straight line from {@code initialValue} at update 0 to zero at update
 * {@code updates}. ND4J's {@code PolySchedule} with power 1 would be this, but in 1.0.0-M2 it computes
 * {@code (1 + i/max)^power}, a rate that grows.
 */
public final class LinearDecay implements ISchedule {
    private final double initialValue;
    private final int updates;

    public LinearDecay(@JsonProperty("initialValue") double initialValue, @JsonProperty("updates") int updates) {
        this.initialValue = initialValue;
        this.updates = updates;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return initialValue * Math.max(0, 1 - (double) iteration / updates);
    }

    public double getInitialValue() {
        return initialValue;
    }

    public int getUpdates() {
        return updates;
    }

    @Override
    public ISchedule clone() {
        return this; // immutable
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearDecay other && other.initialValue == initialValue && other.updates == updates;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialValue, updates);
    }
}
