package org.mnistspark.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;

/** Writes a JSON file atomically, so a reader never sees half of one. */
public final class JsonFile {
    /** The stream is the storage's to sync and close. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonFile() {}

    public static void write(String location, Configuration conf, Map<String, Object> fields) throws IOException {
        Storage.write(location, conf, out -> JSON.writeValue(out, fields));
    }
}
