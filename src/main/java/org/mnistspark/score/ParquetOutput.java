package org.mnistspark.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes a result all at once: Spark writes into a hidden staging directory beside the target,
 * which is renamed into place only when the write has succeeded. After a failure the target is as
 * it was, and no staging directory remains.
 */
final class ParquetOutput {
    private final Path target;
    private final FileSystem fs;
    private final boolean overwrite;

    ParquetOutput(String output, boolean overwrite, Configuration conf) {
        this.target = new Path(output);
        this.overwrite = overwrite;
        try {
            this.fs = target.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(output + ": " + e.getMessage(), e);
        }
        checkWritable();
    }

    /** A file beside {@code output}, named after it: {@code predictions.parquet} and {@code suffix} "-report.html" give {@code predictions-report.html}. */
    static Path beside(String output, String suffix) {
        Path target = new Path(output);
        return new Path(target.getParent(), target.getName().replaceFirst("\\.parquet$", "") + suffix);
    }

    /** Refuses an existing output before any work is done, unless overwriting. */
    private void checkWritable() {
        try {
            if (!overwrite && fs.exists(target)) {
                throw new IllegalArgumentException(target + ": already exists; choose another --output or add --mode overwrite");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code writeInto} with the staging directory to write Parquet into, then publishes what it wrote. */
    void write(Consumer<String> writeInto) {
        String suffix = UUID.randomUUID().toString();
        Path staging = new Path(target.getParent(), "." + target.getName() + ".staging-" + suffix);
        Path previous = new Path(target.getParent(), "." + target.getName() + ".previous-" + suffix);
        try {
            writeInto.accept(staging.toString());
            checkWritable();
            boolean replacing = fs.exists(target);
            if (replacing && !fs.rename(target, previous)) {
                throw new IOException("cannot move the existing output aside");
            }
            if (!fs.rename(staging, target)) {
                if (replacing) {
                    fs.rename(previous, target);
                }
                throw new IOException("cannot rename " + staging + " into place");
            }
            if (replacing) {
                fs.delete(previous, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": " + e.getMessage(), e);
        } finally {
            try {
                fs.delete(staging, true);
            } catch (IOException e) {
                // Best effort: the staging directory is hidden and named as such.
            }
        }
    }
}
