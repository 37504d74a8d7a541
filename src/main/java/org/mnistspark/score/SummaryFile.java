package org.mnistspark.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.files.Storage;
import org.mnistspark.run.JsonFile;

/**
 * A scoring run's summary for programs, beside the Parquet output ({@code predictions.parquet} gets
 * {@code predictions-summary.json}) on any file system Hadoop writes: the figures the console prints,
 * for readers that must not depend on a printed line's wording. Written last, atomically.
 */
public final class SummaryFile {
    private SummaryFile() {}

    /** Where the summary of {@code output} goes. */
    public static String location(String output) {
        return ParquetOutput.beside(output, "-summary.json").toString();
    }

    static String write(ScoreSummary summary, String output, Configuration conf) throws IOException {
        String location = location(output);
        JsonFile.write(location, conf, summary.toJson());
        return location;
    }

    public static ScoreSummary read(String location, Configuration conf) throws IOException {
        try (InputStream in = Storage.open(location, conf)) {
            return ScoreSummary.fromJson(new ObjectMapper().readTree(in));
        }
    }
}
