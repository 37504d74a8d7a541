package org.mnistspark.data;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.Metadata;
import org.mnistspark.idx.IdxImageSet;
import org.mnistspark.idx.IdxImageSet.Example;
import org.mnistspark.idx.MnistFiles;
import org.mnistspark.model.InputShape;

/** One split of an IDX data set in a directory, read through the {@code idx} Spark source; {@code path} is its image file. */
public record LabeledImages(String path, String labelsPath, Dataset<Row> frame, InputShape shape, long count) {
    /** For the test split: small enough that evaluation reports progress as partitions finish, large enough to batch well. */
    private static final int RECORDS_PER_PARTITION = 1000;

    /**
     * The split's images, each made upright on its field if {@code upright} (the {@code idx} source's option);
     * fails before any work if a label cannot be one of the model's classes.
     */
    public static LabeledImages read(SparkSession spark, String dir, MnistFiles.Split split, int classes, boolean upright) {
        String path = MnistFiles.images(dir, split, spark.sparkContext().hadoopConfiguration());
        // The training split is collected whole to the driver, in one partition: each partition of a gzip-compressed
        // file decompresses everything before its range, so sixty would decompress it thirty times over.
        int perPartition = split == MnistFiles.Split.TRAIN ? Integer.MAX_VALUE : RECORDS_PER_PARTITION;
        Dataset<Row> frame = spark.read().format("idx").option("recordsPerPartition", perPartition).option("upright", upright).load(path);
        Metadata size = frame.schema().apply("image").metadata();
        String labels = IdxImageSet.pairedLabelsPath(path, spark.sparkContext().hadoopConfiguration());
        Row range = frame.agg(functions.min("label"), functions.max("label"), functions.count("*")).first();
        if (!range.isNullAt(0) && (range.getInt(0) < 0 || range.getInt(1) >= classes)) {
            throw new IllegalArgumentException(String.format("%s: labels run from %d to %d, but the model has classes 0 to %d",
                    labels, range.getInt(0), range.getInt(1), classes - 1));
        }
        return new LabeledImages(path, labels, frame, new InputShape((int) size.getLong("rows"), (int) size.getLong("cols"), classes),
                range.getLong(2));
    }

    public JavaRDD<Example> examples() {
        return frame.javaRDD().map(r -> new Example(r.getLong(0), r.getInt(1), (byte[]) r.get(2)));
    }
}
