package org.mnistspark.image;

/** Why a file could not become model input; the message is the reason alone, without the file's name. */
public final class UnreadableImageException extends RuntimeException {
    public UnreadableImageException(String reason) {
        super(reason);
    }
}
