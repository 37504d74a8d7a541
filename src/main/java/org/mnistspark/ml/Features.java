package org.mnistspark.ml;

import java.util.function.UnaryOperator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mnistspark.data.Batch;
import org.mnistspark.idx.IdxSource;

/** A features value as network input: an ML Vector of values in [0, 1], or one byte a pixel as the idx source's image column holds it. */
final class Features {
    private Features() {}

    /**
     * Spark's own checks and column metadata know features only as Vectors: {@code check} sees {@code schema}
     * with the features column as one (refused unless it is a Vector or a binary), and its answer has the
     * column back as it was.
     */
    static StructType checkedAsVectors(StructType schema, String column, int pixels, UnaryOperator<StructType> check) {
        StructField features = schema.apply(column);
        DataType type = features.dataType();
        if (!(type instanceof VectorUDT) && !type.equals(DataTypes.BinaryType)) {
            throw new IllegalArgumentException("Column " + column + " must be a Vector of " + pixels + " values or a binary of " + pixels
                    + " bytes, not " + type.catalogString());
        }
        StructType asVectors = Rows.replaced(schema, new StructField(features.name(), new VectorUDT(), features.nullable(), features.metadata()));
        return Rows.replaced(check.apply(asVectors), features);
    }

    /** Whether {@code column}'s metadata says its digits are upright (the idx source's {@code upright} option); null when it does not say. */
    static Boolean upright(StructType schema, String column) {
        Metadata metadata = schema.apply(column).metadata();
        return metadata.contains(IdxSource.UPRIGHT) ? metadata.getBoolean(IdxSource.UPRIGHT) : null;
    }

    /** The input, or an {@link UnusableFeaturesException} saying why there is none. */
    static float[] read(Object value, int pixels) {
        if (value == null) {
            throw new UnusableFeaturesException("features are null");
        }
        if (value instanceof byte[] bytes) {
            if (bytes.length != pixels) {
                throw new UnusableFeaturesException("features have " + bytes.length + " bytes, not " + pixels);
            }
            return Batch.scaled(bytes);
        }
        Vector vector = (Vector) value;
        if (vector.size() != pixels) {
            throw new UnusableFeaturesException("features have " + vector.size() + " values, not " + pixels);
        }
        float[] input = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            double x = vector.apply(i);
            if (!(x >= 0 && x <= 1)) {
                throw new UnusableFeaturesException("feature " + i + " is " + x + ", outside [0, 1]");
            }
            input[i] = (float) x;
        }
        return input;
    }

    /** Why a row's features cannot go through the network; the message is the row's error. */
    static final class UnusableFeaturesException extends RuntimeException {
        UnusableFeaturesException(String reason) {
            super(reason);
        }
    }
}
