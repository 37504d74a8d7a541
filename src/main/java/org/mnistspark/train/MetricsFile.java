package org.mnistspark.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.Map;

/** Writes a metrics JSON file atomically, so a reader never sees half of one. */
final class MetricsFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsFile() {}

    static void write(Path file, Map<String, Object> fields) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not createTempFile: its owner-only permissions would stay with the published file.
        Path partial = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            JSON.writeValue(partial.toFile(), fields);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
