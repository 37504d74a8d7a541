package org.mnistspark.ml;

/**
 * Spark's Scala params of a classification model (featuresCol and the others) are built by its superclass's
 * constructor, and each asks the model for its uid then, before a Java constructor can have stored it: the
 * uid waits here, on the constructing thread, until the constructor has.
 */
final class ConstructionUid {
    private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

    private ConstructionUid() {}

    /** Keeps {@code uid} for the constructor about to run on this thread; answers it. */
    static String hold(String uid) {
        PENDING.set(uid);
        return uid;
    }

    static String pending() {
        return PENDING.get();
    }

    static void release() {
        PENDING.remove();
    }
}
