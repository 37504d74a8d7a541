package org.mnistspark.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Publishes a file whole or not at all: the content goes to a hidden partial file beside it, which is
 * renamed into place only once complete. Readers, and a run that crashes mid-write, see the previous
 * file or the new one, never half of one.
 */
public final class AtomicFile {
    /** Writes the content to the given partial file; throwing leaves the published file untouched. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path partial) throws IOException;
    }

    private AtomicFile() {}

    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not createTempFile: its owner-only permissions would stay with the published file.
        Path partial = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            content.writeTo(partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
