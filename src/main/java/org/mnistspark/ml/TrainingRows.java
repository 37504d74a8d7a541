package org.mnistspark.ml;

import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mnistspark.data.Batch;
import org.mnistspark.model.InputShape;
import org.mnistspark.train.CollectedExamples;

/**
 * A DataFrame's features and labels as training examples, collected to the driver in the DataFrame's
 * order in one pass: each row's features (a Vector of values in [0, 1], or one byte a pixel as the idx
 * source's image column holds them) become one byte a pixel, a Vector's values rounded to the nearest
 * 1/255 as labelled scans are; its label must be a whole number from 0 to 9. A row that cannot be an
 * example fails the fit, saying how many cannot and why the first cannot: training on fewer rows than
 * given would hide a broken stage upstream.
 */
final class TrainingRows {
    /** What an executor makes of a row: the example, or why there is none. */
    private static final StructType READ = new StructType()
            .add("label", DataTypes.IntegerType, true)
            .add("image", DataTypes.BinaryType, true)
            .add("problem", DataTypes.StringType, true);

    private TrainingRows() {}

    static CollectedExamples collect(Dataset<?> dataset, String featuresCol, String labelCol, InputShape shape) {
        int pixels = shape.pixels();
        int classes = shape.classes();
        MapFunction<Row, Row> reading = row -> read(row, pixels, classes);
        List<Row> rows = dataset.toDF().select(Rows.column(featuresCol), Rows.column(labelCol).cast(DataTypes.DoubleType))
                .map(reading, Encoders.row(READ))
                .collectAsList();
        String problem = null;
        long unusable = 0;
        for (Row row : rows) {
            if (!row.isNullAt(2)) {
                problem = problem == null ? row.getString(2) : problem;
                unusable++;
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException(String.format("%,d of %,d rows of columns %s and %s cannot be training examples, the first"
                    + " because its %s", unusable, rows.size(), featuresCol, labelCol, problem));
        }
        int[] labels = new int[rows.size()];
        byte[] images = new byte[rows.size() * pixels];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.get(i).getInt(0);
            System.arraycopy((byte[]) rows.get(i).get(1), 0, images, i * pixels, pixels);
        }
        return new CollectedExamples("a DataFrame's " + featuresCol + " and " + labelCol + " columns", shape, labels, images);
    }

    /** On an executor: a row of features and a label as an example, or the reason it cannot be one. */
    private static Row read(Row row, int pixels, int classes) {
        if (row.isNullAt(1)) {
            return RowFactory.create(null, null, "label is null");
        }
        double label = row.getDouble(1);
        if (label != Math.rint(label) || label < 0 || label >= classes) {
            return RowFactory.create(null, null, "label " + label + " is not a whole number from 0 to " + (classes - 1));
        }
        try {
            return RowFactory.create((int) label, Batch.quantized(Features.read(row.get(0), pixels)), null);
        } catch (Features.UnusableFeaturesException e) {
            return RowFactory.create(null, null, e.getMessage());
        }
    }
}
