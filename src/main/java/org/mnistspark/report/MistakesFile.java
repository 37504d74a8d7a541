package org.mnistspark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;

/**
 * A run directory's {@code test-mistakes.json}: the first test images the model got wrong, kept so
 * that the report can show them again without the test set or the model.
 */
public final class MistakesFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the file holds: the images' size and the mistakes, pixels as base64. */
    record Contents(int rows, int cols, List<Mistake> mistakes) {}

    private MistakesFile() {}

    public static void write(String file, Configuration conf, int rows, int cols, List<Mistake> mistakes) throws IOException {
        byte[] json = JSON.writeValueAsBytes(new Contents(rows, cols, mistakes));
        Storage.write(file, conf, out -> out.write(json));
    }

    /** The run's mistakes, or none if it has not been evaluated yet. */
    static Contents read(String file, Configuration conf) throws IOException {
        if (!Storage.isFile(file, conf)) {
            return new Contents(0, 0, List.of());
        }
        try (InputStream in = Storage.open(file, conf)) {
            return JSON.readValue(in, Contents.class);
        }
    }
}
