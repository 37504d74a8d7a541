package org.mnistspark.idx;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.PrunedScan;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.mnistspark.image.Slant;

/**
 * An IDX image set as rows of {@code index} (long), {@code label} (int) and {@code image} (binary,
 * rows × cols bytes, row-major). The image column's metadata holds {@code rows}, {@code cols} and {@code upright}.
 * Each partition reads a contiguous range of records straight from the files, and a query that needs
 * no {@code image} reads the label file alone. {@code upright}: each image made upright on its field
 * ({@link Slant#removedInField}).
 */
final class IdxRelation extends BaseRelation implements PrunedScan {
    private final SQLContext sqlContext;
    private final IdxImageSet images;
    private final int recordsPerPartition;
    private final boolean upright;

    IdxRelation(SQLContext sqlContext, IdxImageSet images, int recordsPerPartition, boolean upright) {
        this.sqlContext = sqlContext;
        this.images = images;
        this.recordsPerPartition = recordsPerPartition;
        this.upright = upright;
    }

    @Override
    public SQLContext sqlContext() {
        return sqlContext;
    }

    @Override
    public StructType schema() {
        Metadata size = new MetadataBuilder().putLong("rows", images.rows()).putLong("cols", images.cols()).putBoolean(IdxSource.UPRIGHT, upright).build();
        return new StructType(new StructField[] {
            new StructField("index", DataTypes.LongType, false, Metadata.empty()),
            new StructField("label", DataTypes.IntegerType, false, Metadata.empty()),
            new StructField("image", DataTypes.BinaryType, false, size),
        });
    }

    @Override
    public RDD<Row> buildScan(String[] requiredColumns) {
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < images.count(); from += recordsPerPartition) {
            ranges.add(new int[] {from, Math.min(images.count(), from + recordsPerPartition)});
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(sqlContext.sparkContext());
        SerializableConfiguration conf = new SerializableConfiguration(sc.hadoopConfiguration());
        IdxImageSet set = images;
        List<String> columns = List.of(requiredColumns);
        boolean withPixels = columns.contains("image");
        boolean straighten = upright;
        return sc.parallelize(ranges, Math.max(1, ranges.size()))
                .flatMap(range -> set.read(range[0], range[1], withPixels, conf.value()).stream()
                        .map(e -> row(e, columns, straighten, set))
                        .iterator())
                .rdd();
    }

    /** The example's values of {@code columns}, in their order, its image made upright if {@code upright}. */
    private static Row row(IdxImageSet.Example example, List<String> columns, boolean upright, IdxImageSet set) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (columns.get(i)) {
                case "index" -> example.index();
                case "label" -> example.label();
                case "image" -> upright ? Slant.removedInField(example.pixels(), set.rows(), set.cols()) : example.pixels();
                default -> throw new IllegalArgumentException("no column " + columns.get(i));
            };
        }
        return RowFactory.create(values);
    }
}
