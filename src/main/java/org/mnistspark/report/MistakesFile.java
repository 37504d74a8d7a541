package org.mnistspark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mnistspark.files.AtomicFile;

/**
 * {@code test-mistakes.json} in a run directory: the first test images the model got wrong, kept so
 * that the report can show them again without the test set or the model.
 */
public final class MistakesFile {
    public static final String NAME = "test-mistakes.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the file holds: the images' size and the mistakes, pixels as base64. */
    record Contents(int rows, int cols, List<Mistake> mistakes) {}

    private MistakesFile() {}

    public static void write(Path runDir, int rows, int cols, List<Mistake> mistakes) throws IOException {
        AtomicFile.write(runDir.resolve(NAME), partial -> JSON.writeValue(partial.toFile(), new Contents(rows, cols, mistakes)));
    }

    /** The run's mistakes, or none if it has not been evaluated yet. */
    static Contents read(Path runDir) throws IOException {
        Path file = runDir.resolve(NAME);
        return Files.exists(file) ? JSON.readValue(file.toFile(), Contents.class) : new Contents(0, 0, List.of());
    }
}
