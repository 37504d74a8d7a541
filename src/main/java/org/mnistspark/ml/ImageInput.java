package org.mnistspark.ml;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.mnistspark.image.Preprocessing;
import org.mnistspark.image.UnreadableImageException;
import org.mnistspark.model.InputShape;

/**
 * Runs on the executors: appends to a row the model input made from its image file's bytes, exactly as
 * {@code score} makes it, or, for a file that cannot be read, a null input and {@code score}'s reason.
 */
final class ImageInput implements MapFunction<Row, Row> {
    private final int contentIndex;
    private final Preprocessing preprocessing;
    private final long maxPixels;

    ImageInput(int contentIndex, Preprocessing preprocessing, long maxPixels) {
        this.contentIndex = contentIndex;
        this.preprocessing = preprocessing;
        this.maxPixels = maxPixels;
    }

    @Override
    public Row call(Row row) {
        try {
            return Rows.appended(row, DigitImagePreprocessor.features(read(preprocessing, (byte[]) row.get(contentIndex), maxPixels)), null);
        } catch (UnreadableImageException e) {
            return Rows.appended(row, null, e.getMessage());
        }
    }

    /** The model input for an image file's bytes; throws {@link UnreadableImageException}. */
    static float[] read(Preprocessing preprocessing, byte[] content, long maxPixels) {
        if (content == null) {
            throw new UnreadableImageException("content is null");
        }
        return preprocessing.read(content, maxPixels, InputShape.MNIST.rows(), InputShape.MNIST.cols());
    }
}
