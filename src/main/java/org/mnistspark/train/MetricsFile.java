package org.mnistspark.train;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;

/** Writes a metrics JSON file atomically, so a reader never sees half of one. */
final class MetricsFile {
    /** The stream is the storage's to sync and close. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private MetricsFile() {}

    static void write(String location, Configuration conf, Map<String, Object> fields) throws IOException {
        Storage.write(location, conf, out -> JSON.writeValue(out, fields));
    }
}
