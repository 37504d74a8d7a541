package org.mnistspark.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileWhole() throws IOException {
        Path file = dir.resolve("checkpoint.zip");
        Files.writeString(file, "step 40");

        AtomicFile.write(file, partial -> Files.writeString(partial, "step 80"));

        assertEquals("step 80", Files.readString(file));
        assertEquals(List.of(file), listing());
    }

    @Test
    void aWriteThatFailsHalfwayLeavesThePreviousFileAndNoDebris() throws IOException {
        Path file = dir.resolve("checkpoint.zip");
        Files.writeString(file, "step 40");

        IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(file, partial -> {
            Files.writeString(partial, "step 8");
            throw new IOException("disk full");
        }));

        assertEquals("disk full", failure.getMessage());
        assertEquals("step 40", Files.readString(file));
        assertEquals(List.of(file), listing());
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
