package org.mnistspark.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.mnistspark.model.BroadcastModel;
import org.mnistspark.model.NativeBackend;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs on the executors: appends prediction, probability, raw prediction, confidence and error to each
 * row of a partition, sending the rows' features through the broadcast network {@code batch} at a time,
 * as {@code score} does. A row whose features cannot be read gets null outputs and its reason.
 */
final class BatchPredictor implements MapPartitionsFunction<Row, Row> {
    private final BroadcastModel model;
    private final int featuresIndex;
    private final int pixels;
    private final int batch;
    private final double[] thresholds;

    BatchPredictor(BroadcastModel model, int featuresIndex, int pixels, int batch, double[] thresholds) {
        this.model = model;
        this.featuresIndex = featuresIndex;
        this.pixels = pixels;
        this.batch = batch;
        this.thresholds = thresholds;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        NativeBackend.configureOnce();
        return Batches.map(rows, batch, this::predict);
    }

    private List<Row> predict(List<Row> rows) {
        float[] inputs = new float[rows.size() * pixels];
        int[] place = new int[rows.size()];
        String[] errors = new String[rows.size()];
        int usable = 0;
        for (int i = 0; i < rows.size(); i++) {
            try {
                System.arraycopy(Features.read(rows.get(i).get(featuresIndex), pixels), 0, inputs, usable * pixels, pixels);
                place[i] = usable++;
            } catch (Features.UnusableFeaturesException e) {
                errors[i] = e.getMessage();
            }
        }
        ClassScores scores = usable == 0 ? null : ClassScores.of(
                model.predictUnscaled(Nd4j.create(Arrays.copyOf(inputs, usable * pixels), usable, pixels)), model.temperature());
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (errors[i] != null) {
                out.add(Rows.appended(rows.get(i), null, null, null, null, errors[i]));
                continue;
            }
            float[] probabilities = scores.probabilities(place[i]);
            int label = ClassScores.prediction(probabilities, thresholds);
            out.add(Rows.appended(rows.get(i), (double) label, Vectors.dense(ClassScores.doubles(probabilities)),
                    Vectors.dense(scores.logProbabilities(place[i])), (double) probabilities[label], null));
        }
        return out;
    }
}
