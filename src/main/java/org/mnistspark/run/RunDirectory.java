package org.mnistspark.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;

/**
 * A training run's directory, on any file system Hadoop reaches: the one place that knows its files'
 * names and formats. Everything a run leaves can be read back from here, so its report can be rebuilt
 * and the run resumed.
 */
public record RunDirectory(String path, Configuration conf) {
    public static final String MODEL = "model.zip";
    public static final String CHECKPOINT = "checkpoint.zip";
    public static final String METRICS = "metrics.json";
    public static final String LOG = "train-log.csv";
    public static final String SETTINGS = "train-config.json";
    public static final String MISTAKES = "test-mistakes.json";
    public static final String REPORT = "report.html";
    /** The files a run writes: a directory holding any of them holds a run. */
    private static final List<String> FILES = List.of(MODEL, METRICS, LOG, SETTINGS, CHECKPOINT, MISTAKES, REPORT);

    /** How Jackson names a field the file lacks. */
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");
    private static final ObjectMapper SNAKE_CASE = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The location of one of the run's files. */
    public String file(String name) {
        return Storage.child(path, name);
    }

    public boolean has(String name) throws IOException {
        return Storage.isFile(file(name), conf);
    }

    /** The run files already here, in {@link #FILES}' order. */
    public List<String> existingFiles() throws IOException {
        List<String> existing = new ArrayList<>();
        for (String name : FILES) {
            if (has(name)) {
                existing.add(name);
            }
        }
        return existing;
    }

    public void delete(String name) throws IOException {
        Storage.delete(file(name), conf);
    }

    public void writeSettings(RunSettings settings) throws IOException {
        JsonFile.write(file(SETTINGS), conf, SNAKE_CASE.convertValue(settings, Map.class));
    }

    public RunSettings readSettings() throws IOException {
        String location = file(SETTINGS);
        try (InputStream in = Storage.open(location, conf)) {
            return SNAKE_CASE.readValue(in, RunSettings.class);
        } catch (MismatchedInputException e) {
            Matcher missing = MISSING.matcher(e.getOriginalMessage());
            throw new IllegalArgumentException(location + ": not a run's settings ("
                    + (missing.find() ? "no \"" + missing.group(1) + "\"" : e.getOriginalMessage()) + ")");
        }
    }

    /** The settings as the file names them, for showing. */
    public static Map<String, Object> namedAsInTheFile(RunSettings settings) {
        @SuppressWarnings("unchecked")
        Map<String, Object> named = SNAKE_CASE.convertValue(settings, Map.class);
        return named;
    }

    public void writeMetrics(Map<String, Object> metrics) throws IOException {
        JsonFile.write(file(METRICS), conf, metrics);
    }

    /** The run's metrics, or an empty object before it has been evaluated. */
    public JsonNode readMetrics() throws IOException {
        if (!has(METRICS)) {
            return SNAKE_CASE.createObjectNode();
        }
        try (InputStream in = Storage.open(file(METRICS), conf)) {
            return SNAKE_CASE.readTree(in);
        }
    }

    public TrainLog readLog() throws IOException {
        return TrainLog.read(file(LOG), conf);
    }
}
