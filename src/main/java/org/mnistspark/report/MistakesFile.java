package org.mnistspark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;

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

    public static void write(String runDir, Configuration conf, int rows, int cols, List<Mistake> mistakes) throws IOException {
        byte[] json = JSON.writeValueAsBytes(new Contents(rows, cols, mistakes));
        Storage.write(Storage.child(runDir, NAME), conf, out -> out.write(json));
    }

    /** The run's mistakes, or none if it has not been evaluated yet. */
    static Contents read(String runDir, Configuration conf) throws IOException {
        String file = Storage.child(runDir, NAME);
        if (!Storage.isFile(file, conf)) {
            return new Contents(0, 0, List.of());
        }
        try (InputStream in = Storage.open(file, conf)) {
            return JSON.readValue(in, Contents.class);
        }
    }
}
