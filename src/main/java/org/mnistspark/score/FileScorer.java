package org.mnistspark.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.mnistspark.image.ImageDecoder;
import org.mnistspark.image.ImageFile;
import org.mnistspark.image.Preprocessing;
import org.mnistspark.image.UnreadableImageException;
import org.mnistspark.model.BroadcastModel;
import org.mnistspark.model.InputShape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs on the executors: reads and decodes each file of a partition, and sends the decoded ones
 * through the network {@code batch} at a time. Every file becomes exactly one row, scored or failed.
 */
final class FileScorer implements Serializable {
    private final BroadcastModel model;
    private final InputShape shape;
    private final String modelId;
    private final Preprocessing preprocessing;
    private final int batch;
    private final long maxPixels;
    private final long maxFileBytes;
    private final SerializableConfiguration hadoop;
    private final LongAccumulator failures;

    FileScorer(BroadcastModel model, InputShape shape, String modelId, ScoreConfig config, SerializableConfiguration hadoop,
            LongAccumulator failures) {
        this.model = model;
        this.shape = shape;
        this.modelId = modelId;
        this.preprocessing = config.preprocessing();
        this.batch = config.batch();
        this.maxPixels = config.maxPixels();
        this.maxFileBytes = config.maxFileBytes();
        this.hadoop = hadoop;
        this.failures = failures;
    }

    /** A file as the model sees it: the decoded picture and the input made from it. */
    record Seen(ImageDecoder.Decoded image, float[] input) {}

    /** A decoded file waiting for its batch; only the small model input is kept, not the picture. */
    private record Prepared(String path, float[] input, int width, int height, String format) {}

    Iterator<Row> score(Iterator<String> paths) {
        String mode = preprocessing.name().toLowerCase(Locale.ROOT);
        List<Row> rows = new ArrayList<>();
        List<Prepared> pending = new ArrayList<>(batch);
        while (paths.hasNext()) {
            String path = paths.next();
            try {
                Seen seen = see(path);
                ImageDecoder.Decoded image = seen.image();
                pending.add(new Prepared(path, seen.input(), image.width(), image.height(), image.format()));
            } catch (UnreadableImageException e) {
                rows.add(ScoredRows.failed(path, e.getMessage(), mode, modelId));
                failures.add(1);
            }
            if (pending.size() == batch || (!paths.hasNext() && !pending.isEmpty())) {
                predict(pending, mode, rows);
                pending.clear();
            }
        }
        return rows.iterator();
    }

    InputShape shape() {
        return shape;
    }

    /** Reads and decodes {@code path} and makes the model's input from it; throws {@link UnreadableImageException}. */
    Seen see(String path) {
        ImageDecoder.Decoded image = ImageDecoder.decode(read(path), maxPixels);
        return new Seen(image, preprocessing.apply(image.grey(), shape.rows(), shape.cols()));
    }

    private void predict(List<Prepared> prepared, String mode, List<Row> rows) {
        float[] features = new float[prepared.size() * shape.pixels()];
        for (int i = 0; i < prepared.size(); i++) {
            System.arraycopy(prepared.get(i).input(), 0, features, i * shape.pixels(), shape.pixels());
        }
        INDArray probabilities = model.predict(Nd4j.create(features, prepared.size(), shape.pixels()));
        for (int i = 0; i < prepared.size(); i++) {
            Prepared p = prepared.get(i);
            rows.add(ScoredRows.scored(p.path(), probabilities.getRow(i).toFloatVector(), p.width(), p.height(), p.format(),
                    mode, modelId));
        }
    }

    private byte[] read(String path) {
        return ImageFile.read(path, hadoop.value(), maxFileBytes);
    }
}
