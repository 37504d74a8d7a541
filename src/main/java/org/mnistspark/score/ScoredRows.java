package org.mnistspark.score;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The output's columns. The first five are the contract users rely on; the rest say where a row
 * came from. A file that could not be scored has a null label, confidence and probabilities, and
 * its reason in {@code error}. A {@code review} column follows only when asked for.
 */
final class ScoredRows {
    static final String REVIEW = "review";

    private ScoredRows() {}

    /**
     * The output's rows from {@code predicted}, {@link FileImages}' rows as the model transformed them: its
     * prediction as the label, its probabilities as the floats the network gave (the model's doubles hold them
     * exactly), and the file's or the model's reason where a row has none.
     */
    static Dataset<Row> of(Dataset<Row> predicted, String preprocessing, String model) {
        return predicted.select(
                functions.col("path"),
                functions.col("prediction").cast(DataTypes.IntegerType).as("label"),
                functions.col("confidence"),
                // Spark's conversion fails on a null vector: a failed row's stays null.
                functions.when(functions.col("probability").isNotNull(),
                        org.apache.spark.ml.functions.vector_to_array(functions.col("probability"), "float32")).as("probabilities"),
                functions.col("error"),
                functions.col("width"),
                functions.col("height"),
                functions.col("format"),
                functions.lit(preprocessing).as("preprocessing"),
                functions.lit(model).as("model"));
    }

    /** The column {@value #REVIEW}: true where a person should look, the rows below {@code threshold} and the failed ones. */
    static Dataset<Row> withReview(Dataset<Row> scored, Double threshold) {
        if (threshold == null) {
            return scored;
        }
        // A failed row's confidence is null, and null < P is null: the error decides, so the column is never null.
        return scored.withColumn(REVIEW, functions.col("error").isNotNull().or(functions.col("confidence").lt(threshold)));
    }
}
