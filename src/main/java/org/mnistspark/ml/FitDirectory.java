package org.mnistspark.ml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileUtil;

/**
 * Where a fit's training run writes its files: the checkpointDir, which keeps them, or else a temporary
 * directory on the driver's disk, deleted once the fitted model has been read from it.
 */
final class FitDirectory implements AutoCloseable {
    private final String location;
    private final Path temporary;

    private FitDirectory(String location, Path temporary) {
        this.location = location;
        this.temporary = temporary;
    }

    /** {@code checkpointDir}, on any Hadoop path; null for a temporary directory. */
    static FitDirectory of(String checkpointDir) throws IOException {
        if (checkpointDir != null) {
            return new FitDirectory(checkpointDir, null);
        }
        Path dir = Files.createTempDirectory("digit-classifier-");
        // A URI, not a bare path: on a cluster a bare path is on the default file system, often HDFS.
        return new FitDirectory(dir.toUri().toString(), dir);
    }

    String location() {
        return location;
    }

    boolean keeps() {
        return temporary == null;
    }

    @Override
    public void close() throws IOException {
        if (temporary == null) {
            return;
        }
        if (!FileUtil.fullyDelete(temporary.toFile())) {
            throw new IOException(temporary + ": could not delete the fit's temporary run directory");
        }
    }
}
