package org.mnistspark.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** SQL functions for reading digits in {@code spark.sql}. */
public final class DigitFunctions {
    /** {@code mnist_predict(content BINARY)}: an image file's bytes to {@link #RESULT}. */
    public static final String PREDICT = "mnist_predict";
    /** What {@link #PREDICT} gives: the columns of {@code score}'s output that describe the reading. */
    public static final StructType RESULT = new StructType()
            .add("label", DataTypes.IntegerType, true)
            .add("confidence", DataTypes.DoubleType, true)
            .add("probabilities", DataTypes.createArrayType(DataTypes.FloatType, false), true)
            .add("error", DataTypes.StringType, true);

    private DigitFunctions() {}

    /**
     * Registers {@value #PREDICT} in {@code spark} with the model at {@code modelPath}: a {@code model.zip}
     * that {@code train} wrote, or a directory that {@code DigitClassificationModel.write().save} wrote.
     */
    public static void register(SparkSession spark, String modelPath) {
        DigitClassificationModel model = isDirectory(modelPath, spark.sparkContext().hadoopConfiguration())
                ? DigitClassificationModel.load(modelPath) : DigitClassificationModel.fromModelFile(modelPath);
        spark.udf().register(PREDICT, new SqlPrediction(model.network().broadcast(spark.sparkContext())), RESULT);
    }

    private static boolean isDirectory(String path, Configuration conf) {
        Path location = new Path(path);
        try {
            return location.getFileSystem(conf).getFileStatus(location).isDirectory();
        } catch (java.io.FileNotFoundException e) {
            return false; // the model file's own loading says it is missing
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }
}
