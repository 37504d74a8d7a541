package org.mnistspark.idx;

/** A problem with an IDX file; the message always starts with the file's path. */
public final class IdxException extends RuntimeException {
    public IdxException(String path, String problem) {
        super(path + ": " + problem);
    }

    public IdxException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
    }
}
