package org.mnistspark.score;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The output's columns. The first five are the contract users rely on; the rest say where a row
 * came from. A file that could not be scored has a null label, confidence and probabilities, and
 * its reason in {@code error}. A {@code review} column follows only when asked for.
 */
final class ScoredRows {
    static final String REVIEW = "review";
    static final StructType SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("label", DataTypes.IntegerType, true)
            .add("confidence", DataTypes.DoubleType, true)
            .add("probabilities", DataTypes.createArrayType(DataTypes.FloatType, false), true)
            .add("error", DataTypes.StringType, true)
            .add("width", DataTypes.IntegerType, true)
            .add("height", DataTypes.IntegerType, true)
            .add("format", DataTypes.StringType, true)
            .add("preprocessing", DataTypes.StringType, false)
            .add("model", DataTypes.StringType, false);

    private ScoredRows() {}

    static Row scored(String path, float[] probabilities, int width, int height, String format, String preprocessing,
            String model) {
        int label = 0;
        for (int c = 1; c < probabilities.length; c++) {
            label = probabilities[c] > probabilities[label] ? c : label;
        }
        return RowFactory.create(path, label, (double) probabilities[label], probabilities, null, width, height, format,
                preprocessing, model);
    }

    /** The column {@value #REVIEW}: true where a person should look, the rows below {@code threshold} and the failed ones. */
    static Dataset<Row> withReview(Dataset<Row> scored, Double threshold) {
        if (threshold == null) {
            return scored;
        }
        // A failed row's confidence is null, and null < P is null: the error decides, so the column is never null.
        return scored.withColumn(REVIEW, functions.col("error").isNotNull().or(functions.col("confidence").lt(threshold)));
    }

    static Row failed(String path, String error, String preprocessing, String model) {
        return RowFactory.create(path, null, null, null, error, null, null, null, preprocessing, model);
    }
}
