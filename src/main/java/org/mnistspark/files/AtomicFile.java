package org.mnistspark.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Publishes a file whole or not at all: the content goes to a hidden partial file beside it, forced to
 * disk, then renamed into place, and the rename itself forced to disk. Readers, a run that crashes
 * mid-write and a machine that loses power see the previous file or the new one, never half of one.
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
            // Without it, a crash soon after the rename can publish a name whose data never reached the disk.
            try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
