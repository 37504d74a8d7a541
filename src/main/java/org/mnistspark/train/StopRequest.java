package org.mnistspark.train;

/** Asked after each round whether the run is to stop there: a user's Ctrl-C, say. */
@FunctionalInterface
public interface StopRequest {
    /** Never stops: the run goes on to its last step. */
    StopRequest NEVER = () -> false;

    boolean requested();
}
