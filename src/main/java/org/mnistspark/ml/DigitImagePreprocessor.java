package org.mnistspark.ml;

import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mnistspark.image.ImageDecoder;
import org.mnistspark.image.Preprocessing;
import org.mnistspark.model.InputShape;

/**
 * Turns a binary column of image file bytes ({@code content}, as {@code spark.read().format("binaryFile")}
 * gives it) into the 784-value features Vector the model reads, with {@code score}'s decoding, pixel limit,
 * preprocessing modes ({@code mnist}, {@code seed}) and reasons: a file it cannot read gets null features and
 * its reason in the error column.
 */
public final class DigitImagePreprocessor extends Transformer implements DefaultParamsWritable {
    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final Param<String> mode;
    private final LongParam maxPixels;
    private final Param<String> errorCol;

    public DigitImagePreprocessor() {
        this(Identifiable$.MODULE$.randomUID("digitImagePreprocessor"));
    }

    public DigitImagePreprocessor(String uid) {
        this.uid = uid;
        inputCol = new Param<>(this, "inputCol", "binary column holding an image file's bytes");
        outputCol = new Param<>(this, "outputCol", "column for the model's input, a Vector of 784 values in [0, 1]");
        mode = new Param<>(this, "mode", "preprocessing: mnist (as MNIST was made from scans) or seed (the article's recipe)",
                ParamValidators.inArray(new String[] {"mnist", "seed"}));
        maxPixels = new LongParam(this, "maxPixels", "files declaring more pixels are errors, never decoded", ParamValidators.gtEq(1));
        errorCol = new Param<>(this, "errorCol", "column for why a file could not be read (null when it could)");
        setDefault(inputCol, "content");
        setDefault(outputCol, "features");
        setDefault(mode, "mnist");
        setDefault(maxPixels, ImageDecoder.DEFAULT_MAX_PIXELS);
        setDefault(errorCol, "error");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> inputCol() {
        return inputCol;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public Param<String> mode() {
        return mode;
    }

    public LongParam maxPixels() {
        return maxPixels;
    }

    public Param<String> errorCol() {
        return errorCol;
    }

    public String getInputCol() {
        return $(inputCol);
    }

    public String getOutputCol() {
        return $(outputCol);
    }

    public String getMode() {
        return $(mode);
    }

    public long getMaxPixels() {
        return (Long) $(maxPixels);
    }

    public String getErrorCol() {
        return $(errorCol);
    }

    public DigitImagePreprocessor setInputCol(String value) {
        return (DigitImagePreprocessor) set(inputCol, value);
    }

    public DigitImagePreprocessor setOutputCol(String value) {
        return (DigitImagePreprocessor) set(outputCol, value);
    }

    public DigitImagePreprocessor setMode(String value) {
        return (DigitImagePreprocessor) set(mode, value);
    }

    public DigitImagePreprocessor setMaxPixels(long value) {
        return (DigitImagePreprocessor) set(maxPixels, value);
    }

    public DigitImagePreprocessor setErrorCol(String value) {
        return (DigitImagePreprocessor) set(errorCol, value);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        DataType type = schema.apply(getInputCol()).dataType();
        if (!type.equals(DataTypes.BinaryType)) {
            throw new IllegalArgumentException("Column " + getInputCol() + " must be a binary of an image file's bytes, not "
                    + type.catalogString());
        }
        StructType output = Rows.withColumn(schema, getOutputCol(), new VectorUDT());
        // The size in the column's metadata, as Spark's feature transformers record it; null where a file failed.
        output = Rows.replaced(output, new StructField(getOutputCol(), new VectorUDT(), true,
                new AttributeGroup(getOutputCol(), InputShape.MNIST.pixels()).toMetadata()));
        return Rows.withError(output, getErrorCol());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType output = transformSchema(dataset.schema());
        Dataset<Row> input = dataset.toDF();
        String internal = "__" + uid + "_";
        StructType computed = input.schema()
                .add(internal + "features", new VectorUDT())
                .add(internal + "error", DataTypes.StringType);
        ImageInput reading = new ImageInput(input.schema().fieldIndex(getInputCol()),
                Preprocessing.valueOf(getMode().toUpperCase(Locale.ROOT)), getMaxPixels());
        return Rows.select(input.map(reading, Encoders.row(computed)), input.schema(), output,
                Map.of(getOutputCol(), internal + "features"), getErrorCol(), internal + "error");
    }

    /** The output column's value for a model input that {@link Preprocessing} made: its values as a dense Vector. */
    public static Vector features(float[] input) {
        return Vectors.dense(ClassScores.doubles(input));
    }

    @Override
    public DigitImagePreprocessor copy(ParamMap extra) {
        return (DigitImagePreprocessor) defaultCopy(extra);
    }

    public static MLReader<DigitImagePreprocessor> read() {
        return new DefaultParamsReader<>();
    }

    public static DigitImagePreprocessor load(String path) {
        return read().load(path);
    }
}
