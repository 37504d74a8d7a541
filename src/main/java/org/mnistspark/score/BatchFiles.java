package org.mnistspark.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet folder {@code score --watch} appends to: one file per batch, named after the batch. A batch is written
 * into a staging folder inside it, hidden from readers by its leading underscore, and its one file is renamed into place: a reader
 * ({@code spark.read().parquet}) sees a batch whole or not at all, and a batch found in place is never written again.
 */
final class BatchFiles {
    private static final StructType PATHS = new StructType().add("path", DataTypes.StringType);

    private final SparkSession spark;
    private final Path folder;
    private final FileSystem fs;

    private BatchFiles(SparkSession spark, Path folder, FileSystem fs) {
        this.spark = spark;
        this.folder = folder;
        this.fs = fs;
    }

    /**
     * The output of the watch that records its progress in {@code checkpoint}: a watch {@code resuming} there finds the
     * output it wrote; a new watch creates it, refusing one that holds anything.
     */
    static BatchFiles open(SparkSession spark, String output, String checkpoint, boolean resuming) {
        Path folder = new Path(output);
        try {
            FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            boolean exists = fs.exists(folder);
            if (resuming && !exists) {
                throw new IllegalArgumentException(output + ": no such folder, but " + checkpoint + " is the checkpoint of a watch "
                        + "that wrote there; give its --output, or a new --checkpoint to score the folder from the start");
            }
            if (!resuming && exists && !(fs.getFileStatus(folder).isDirectory() && fs.listStatus(folder).length == 0)) {
                throw new IllegalArgumentException(output + ": already exists; choose another --output, or give the --checkpoint "
                        + "of the watch that wrote it");
            }
            fs.mkdirs(folder);
            return new BatchFiles(spark, folder, fs);
        } catch (IOException e) {
            throw new UncheckedIOException(output + ": " + e.getMessage(), e);
        }
    }

    /** Whether batch {@code batch} is in place. */
    boolean holds(long batch) throws IOException {
        return fs.exists(file(batch));
    }

    /** Those of {@code paths} that have a row already. */
    List<String> scored(Collection<String> paths) {
        Dataset<Row> candidates = spark.createDataset(new ArrayList<>(paths), Encoders.STRING()).toDF("path");
        return candidates.join(spark.read().schema(PATHS).parquet(folder.toString()), "path", "left_semi")
                .as(Encoders.STRING()).collectAsList();
    }

    /** Writes {@code rows} as batch {@code batch}, replacing what an interrupted attempt at it left in staging. */
    void write(long batch, Dataset<Row> rows) throws IOException {
        Path staging = new Path(folder, "_" + file(batch).getName());
        // One partition, one file: a single rename publishes the whole batch. The rows are small; scoring them stays parallel.
        rows.repartition(1).write().mode(SaveMode.Overwrite).parquet(staging.toString());
        FileStatus[] parts = fs.globStatus(new Path(staging, "part-*"));
        if (parts.length != 1 || !fs.rename(parts[0].getPath(), file(batch))) {
            throw new IOException("cannot move batch " + batch + " from " + staging + " into place");
        }
        fs.delete(staging, true);
    }

    /** Every row written so far. */
    Dataset<Row> read() {
        return spark.read().parquet(folder.toString());
    }

    private Path file(long batch) {
        return new Path(folder, String.format("batch-%06d.parquet", batch));
    }
}
