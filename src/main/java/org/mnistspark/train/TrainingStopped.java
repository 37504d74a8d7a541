package org.mnistspark.train;

/** A run stopped on request before its last step; its message says where, and how it goes on if it can. */
public final class TrainingStopped extends RuntimeException {
    TrainingStopped(String message) {
        super(message);
    }
}
