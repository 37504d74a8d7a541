package org.mnistspark.ml;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.mnistspark.model.BroadcastModel;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.NativeBackend;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A loaded model file, shared by a model and its copies: the network on the driver, broadcast to the
 * executors once per SparkContext, when a transform first needs it.
 */
final class SharedNetwork {
    private final ModelFile.Loaded loaded;
    private BroadcastModel broadcast;
    private SparkContext broadcastBy;

    private SharedNetwork(ModelFile.Loaded loaded) {
        this.loaded = loaded;
    }

    /** A model file that {@code train} wrote, on any Hadoop path; this JVM's native set-up comes first. */
    static SharedNetwork load(String modelFile, Configuration conf) {
        NativeBackend.configureOnce();
        return new SharedNetwork(ModelFile.load(modelFile, conf));
    }

    InputShape shape() {
        return loaded.info().shape();
    }

    synchronized BroadcastModel broadcast(SparkContext sc) {
        if (broadcast == null || broadcastBy != sc || sc.isStopped()) {
            SerializerCheck.require(sc.getConf());
            broadcast = BroadcastModel.of(JavaSparkContext.fromSparkContext(sc), loaded.network(), loaded.info().temperature());
            broadcastBy = sc;
        }
        return broadcast;
    }

    /** One input through the driver's copy, for Spark's row-at-a-time methods; the network is not safe to share. */
    synchronized ClassScores predict(float[] input) {
        return ClassScores.of(loaded.network().output(Nd4j.create(input, 1, input.length), false), loaded.info().temperature());
    }

    /** Writes the model file again, as {@code train} wrote it. */
    void save(String modelFile, Configuration conf) throws IOException {
        ModelFile.save(loaded.network(), loaded.info(), modelFile, conf);
    }
}
