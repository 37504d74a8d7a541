package org.mnistspark.idx;

import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.sources.RelationProvider;
import scala.Option;
import scala.collection.immutable.Map;

/**
 * {@code spark.read.format("idx").load(imagesPath)}: an IDX image file and its label file as a DataFrame.
 *
 * <p>Options: {@code labels}, the label file (default: the image file's name with {@code images-idx3}
 * replaced by {@code labels-idx1}); {@code recordsPerPartition} (default 10000); {@code upright} (default
 * false): each digit made upright on its field, as {@code train --upright} reads them.
 */
public final class IdxSource implements RelationProvider, DataSourceRegister {
    static final int DEFAULT_RECORDS_PER_PARTITION = 10_000;
    /** The option, and the key under which the image column's metadata repeats it for what reads the rows. */
    public static final String UPRIGHT = "upright";

    @Override
    public String shortName() {
        return "idx";
    }

    @Override
    public BaseRelation createRelation(SQLContext sqlContext, Map<String, String> parameters) {
        Option<String> path = parameters.get("path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the idx source needs a path: spark.read.format(\"idx\").load(imagesFile)");
        }
        Option<String> labels = parameters.get("labels");
        int perPartition = parameters.get("recordsPerPartition").isDefined()
                ? Integer.parseInt(parameters.get("recordsPerPartition").get())
                : DEFAULT_RECORDS_PER_PARTITION;
        if (perPartition < 1) {
            throw new IllegalArgumentException("recordsPerPartition must be at least 1, not " + perPartition);
        }
        String upright = parameters.get(UPRIGHT).isDefined() ? parameters.get(UPRIGHT).get() : "false";
        if (!upright.equals("true") && !upright.equals("false")) {
            throw new IllegalArgumentException("upright must be true or false, not " + upright);
        }
        IdxImageSet images = IdxImageSet.open(path.get(), labels.isDefined() ? labels.get() : null,
                sqlContext.sparkContext().hadoopConfiguration());
        return new IdxRelation(sqlContext, images, perPartition, Boolean.parseBoolean(upright));
    }
}
