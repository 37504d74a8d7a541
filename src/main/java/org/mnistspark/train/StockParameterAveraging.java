package org.mnistspark.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.TrainingHook;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.impl.paramavg.util.ExportSupport;
import org.mnistspark.model.NativeBackend;
import org.mnistspark.model.Subnormals;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Deeplearning4j's own parameter averaging, to compare with {@link ParameterAveraging}: its
 * {@code ParameterAveragingTrainingMaster} driving {@code SparkDl4jMultiLayer}. Each call fits the
 * minibatches of a range of steps, made on the executors from the broadcast training set in the run's
 * order, with its targets and augmentation, one 50-example {@code DataSet} a step. The training master
 * then writes them to files (its default export; where Spark's default file system cannot hold them for
 * a cluster, it keeps them in a persisted RDD instead), counts them, splits them at random into averaging
 * rounds of workers × frequency minibatches, repartitions each round through a shuffle, and after each
 * round sums the workers' parameters and Adam's state with an RDD {@code treeAggregate} on the driver.
 * Between calls the averaged state is cleared of subnormal floats, as the own engine clears it each round.
 */
final class StockParameterAveraging implements Trainer {
    private final JavaSparkContext sc;
    private final MultiLayerNetwork network;
    private final ParameterAveragingTrainingMaster master;
    private final SparkDl4jMultiLayer spark;
    private final Broadcast<TrainingSet> data;
    private final Minibatches minibatches;
    private final int workers;
    private final int stepsPerCall;
    private final boolean export;
    /** Where the training master writes the minibatches: a folder of this run's own under Hadoop's temporary directory. */
    private final Path exportDirectory;
    private long flushed;

    /** {@code stepsPerCall}: steps one {@link #round} fits, a whole number of averaging rounds. */
    StockParameterAveraging(JavaSparkContext sc, MultiLayerNetwork network, TrainingSet data, Minibatches minibatches, int workers,
            int frequency, int batchSize, long seed, int stepsPerCall) {
        this.sc = sc;
        this.network = network;
        this.data = sc.broadcast(data);
        this.minibatches = minibatches;
        this.workers = workers;
        this.stepsPerCall = stepsPerCall;
        this.export = ExportSupport.exportSupported(sc);
        this.exportDirectory = new Path(sc.hadoopConfiguration().get("hadoop.tmp.dir"), "dl4j-export-" + UUID.randomUUID());
        this.master = new ParameterAveragingTrainingMaster.Builder(workers, batchSize)
                .batchSizePerWorker(batchSize)
                .averagingFrequency(frequency)
                // The builder leaves it off; without it every round would start Adam afresh.
                .saveUpdater(true)
                .rddTrainingApproach(export ? RDDTrainingApproach.Export : RDDTrainingApproach.Direct)
                .exportDirectory(exportDirectory.toString())
                .rngSeed(seed)
                .trainingHooks(new ConfiguredThreads())
                .build();
        this.spark = new SparkDl4jMultiLayer(sc, network, master);
        flush();
    }

    @Override
    public String describe() {
        return "engine: dl4j (Deeplearning4j's ParameterAveragingTrainingMaster through SparkDl4jMultiLayer; minibatches "
                + (export ? "exported to files" : "kept in a persisted RDD: Spark's default file system is local to each machine") + ")";
    }

    @Override
    public int stepsPerRound() {
        return stepsPerCall;
    }

    @Override
    public double round(long first, long end) {
        sc.setJobDescription(String.format("train (dl4j): steps %,d to %,d", first + 1, end));
        Broadcast<TrainingSet> examples = data;
        Minibatches m = minibatches;
        spark.fit(sc.parallelize(LongStream.range(first, end).boxed().toList(), workers).map(step -> m.of(examples.value(), step)));
        flush();
        // The mean of each worker's last minibatch loss in the last averaging round: all the training master keeps.
        return spark.getScore();
    }

    private void flush() {
        flushed += Subnormals.flush(network.params()) + Subnormals.flushAdamState(network.getUpdater().getStateViewArray());
    }

    /** The stock engine sums the workers' results with Spark's tree aggregation, which it does not count. */
    @Override
    public Optional<ParameterAveraging.Traffic> traffic() {
        return Optional.empty();
    }

    @Override
    public long flushedToZero() {
        return flushed;
    }

    /** Nothing: the stock engine averages plainly and its runs take no checkpoints. */
    @Override
    public Map<String, INDArray> checkpointArrays() {
        return Map.of();
    }

    @Override
    public void close() {
        sc.setJobDescription(null);
        data.destroy();
        // The training master deletes only the last call's minibatches, and leaves the folders above them.
        try {
            exportDirectory.getFileSystem(sc.hadoopConfiguration()).delete(exportDirectory, true);
        } catch (IOException e) {
            throw new UncheckedIOException(exportDirectory + ": cannot delete the exported minibatches: " + e.getMessage(), e);
        }
    }

    /** Each training task thread runs ND4J's natives on OMP_NUM_THREADS threads, as the own engine's workers do. */
    private static final class ConfiguredThreads implements TrainingHook {
        @Override
        public void preUpdate(DataSet minibatch, Model model) {
            NativeBackend.useConfiguredThreads();
        }

        @Override
        public void postUpdate(DataSet minibatch, Model model) {
            // Nothing after an update.
        }

        @Override
        public void preUpdate(MultiDataSet minibatch, Model model) {
            NativeBackend.useConfiguredThreads();
        }

        @Override
        public void postUpdate(MultiDataSet minibatch, Model model) {
            // Nothing after an update.
        }
    }
}
