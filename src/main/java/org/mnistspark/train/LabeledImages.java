package org.mnistspark.train;

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
record LabeledImages(String path, String labelsPath, Dataset<Row> frame, InputShape shape) {

    static LabeledImages read(SparkSession spark, String dir, MnistFiles.Split split, int classes) {
        String path = MnistFiles.images(dir, split, spark.sparkContext().hadoopConfiguration());
        Dataset<Row> frame = spark.read().format("idx").load(path);
        Metadata size = frame.schema().apply("image").metadata();
        String labels = IdxImageSet.pairedLabelsPath(path, spark.sparkContext().hadoopConfiguration());
        LabeledImages images = new LabeledImages(path, labels, frame,
                new InputShape((int) size.getLong("rows"), (int) size.getLong("cols"), classes));
        images.checkLabels();
        return images;
    }

    /** Fails before any training if a label cannot be one of the model's classes. */
    private void checkLabels() {
        Row range = frame.agg(functions.min("label"), functions.max("label")).first();
        if (!range.isNullAt(0) && (range.getInt(0) < 0 || range.getInt(1) >= shape.classes())) {
            throw new IllegalArgumentException(String.format("%s: labels run from %d to %d, but the model has classes 0 to %d",
                    labelsPath, range.getInt(0), range.getInt(1), shape.classes() - 1));
        }
    }

    JavaRDD<Example> examples() {
        return frame.javaRDD().map(r -> new Example(r.getLong(0), r.getInt(1), (byte[]) r.get(2)));
    }
}
