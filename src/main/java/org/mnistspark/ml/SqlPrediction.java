package org.mnistspark.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.mnistspark.image.ImageDecoder;
import org.mnistspark.image.Preprocessing;
import org.mnistspark.image.UnreadableImageException;
import org.mnistspark.model.BroadcastModel;
import org.mnistspark.model.NativeBackend;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SQL function {@code mnist_predict(content)}: an image file's bytes read as {@code score} reads them
 * ({@code mnist} preprocessing), through the broadcast network, one row at a time (each executor thread
 * builds its network once and keeps it); {@code score}'s columns label, confidence, probabilities and error.
 */
final class SqlPrediction implements UDF1<byte[], Row> {
    private final BroadcastModel model;

    SqlPrediction(BroadcastModel model) {
        this.model = model;
    }

    @Override
    public Row call(byte[] content) {
        NativeBackend.configureOnce();
        float[] input;
        try {
            input = ImageInput.read(Preprocessing.MNIST, content, ImageDecoder.DEFAULT_MAX_PIXELS);
        } catch (UnreadableImageException e) {
            return RowFactory.create(null, null, null, e.getMessage());
        }
        float[] probabilities = ClassScores.of(model.predictUnscaled(Nd4j.create(input, 1, input.length)), model.temperature())
                .probabilities(0);
        int label = ClassScores.prediction(probabilities, null);
        List<Float> values = new ArrayList<>(probabilities.length);
        for (float p : probabilities) {
            values.add(p);
        }
        return RowFactory.create(label, (double) probabilities[label], values, null);
    }
}
