package org.mnistspark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.report.ScoringResults.Failure;

class SummaryFileTest {
    @TempDir
    Path dir;

    @Test
    void aSummaryWithoutAReviewReadsBackAsWritten() throws Exception {
        String output = dir.resolve("predictions.parquet").toString();
        ScoreSummary written = new ScoreSummary(12, 10, 2,
                List.of(new Failure("file:/scans/a, b.png", "empty file"), new Failure("file:/scans/notes.txt", "not an image")),
                Map.of(3, 4L, 7, 6L), 0.1 + 0.2, null, null);

        String location = SummaryFile.write(written, output, new Configuration());

        assertEquals(dir.resolve("predictions-summary.json").toString(), location);
        assertEquals(written, SummaryFile.read(location, new Configuration()));
        String json = Files.readString(Path.of(location));
        assertTrue(json.contains("\"review_below\" : null") && json.contains("\"images_per_second\" : " + 12 / (0.1 + 0.2)), json);
    }
}
