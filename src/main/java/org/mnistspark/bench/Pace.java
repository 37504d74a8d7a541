package org.mnistspark.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.Subnormals;
import org.mnistspark.run.RunDirectory;
import org.mnistspark.run.TrainLog;

/**
 * Whether training keeps its speed as a run goes on, which no short repeat shows: a long run's images/s
 * over its last fifth against its first fifth after a warm-up tenth (from its {@code train-log.csv}),
 * the subnormal floats left in its saved model (parameters and Adam's state), and its test accuracy.
 */
record Pace(long steps, double firstFifth, double lastFifth, long subnormals, double accuracy) {

    static Pace of(Path run, long steps, int batchSize) throws IOException {
        RunDirectory dir = new RunDirectory(run.toString(), new Configuration());
        TrainLog log = dir.readLog();
        long warmUp = steps / 10;
        long fifth = steps / 5;
        MultiLayerNetwork model = ModelFile.load(dir.file(RunDirectory.MODEL), dir.conf()).network();
        return new Pace(steps, log.imagesPerSecond(warmUp, warmUp + fifth, batchSize), log.imagesPerSecond(steps - fifth, steps, batchSize),
                Subnormals.count(model.params()) + Subnormals.count(model.getUpdater().getStateViewArray()),
                dir.readMetrics().get("accuracy").asDouble());
    }

    /** The last fifth's speed over the first's: below 1, training slowed down. */
    double ratio() {
        return lastFifth / firstFifth;
    }
}
