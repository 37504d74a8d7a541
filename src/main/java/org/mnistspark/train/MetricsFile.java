package org.mnistspark.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.mnistspark.files.AtomicFile;

/** Writes a metrics JSON file atomically, so a reader never sees half of one. */
final class MetricsFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsFile() {}

    static void write(Path file, Map<String, Object> fields) throws IOException {
        AtomicFile.write(file, partial -> JSON.writeValue(partial.toFile(), fields));
    }
}
