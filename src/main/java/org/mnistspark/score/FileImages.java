package org.mnistspark.score;

import java.io.Serializable;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.mnistspark.image.ImageDecoder;
import org.mnistspark.image.ImageFile;
import org.mnistspark.image.Preprocessing;
import org.mnistspark.image.UnreadableImageException;
import org.mnistspark.ml.DigitImagePreprocessor;
import org.mnistspark.model.InputShape;

/**
 * Runs on the executors: reads and decodes a file and makes the model's input from it, keeping what the
 * output says of the picture. Every file becomes exactly one row, with its features or with its reason.
 */
final class FileImages implements Serializable {
    /** What the model reads ({@code features}), and what the output keeps of each file. */
    static final StructType SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("features", new VectorUDT(), true)
            .add("width", DataTypes.IntegerType, true)
            .add("height", DataTypes.IntegerType, true)
            .add("format", DataTypes.StringType, true)
            .add("error", DataTypes.StringType, true);

    private final InputShape shape;
    private final Preprocessing preprocessing;
    private final long maxPixels;
    private final long maxFileBytes;
    private final SerializableConfiguration hadoop;
    private final LongAccumulator failures;

    FileImages(InputShape shape, ScoreConfig config, SerializableConfiguration hadoop, LongAccumulator failures) {
        this.shape = shape;
        this.preprocessing = config.preprocessing();
        this.maxPixels = config.maxPixels();
        this.maxFileBytes = config.maxFileBytes();
        this.hadoop = hadoop;
        this.failures = failures;
    }

    /** A file as the model sees it: the decoded picture and the input made from it. */
    record Seen(ImageDecoder.Decoded image, float[] input) {}

    /** The row of {@link #SCHEMA} for {@code path}. */
    Row read(String path) {
        try {
            Seen seen = see(path);
            ImageDecoder.Decoded image = seen.image();
            return RowFactory.create(path, DigitImagePreprocessor.features(seen.input()), image.width(), image.height(), image.format(), null);
        } catch (UnreadableImageException e) {
            failures.add(1);
            return RowFactory.create(path, null, null, null, null, e.getMessage());
        }
    }

    InputShape shape() {
        return shape;
    }

    /** Reads and decodes {@code path} and makes the model's input from it; throws {@link UnreadableImageException}. */
    Seen see(String path) {
        ImageDecoder.Decoded image = ImageDecoder.decode(ImageFile.read(path, hadoop.value(), maxFileBytes), maxPixels);
        return new Seen(image, preprocessing.apply(image.grey(), shape.rows(), shape.cols()));
    }
}
