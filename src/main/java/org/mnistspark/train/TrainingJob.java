package org.mnistspark.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.mnistspark.idx.MnistFiles.Split;
import org.mnistspark.model.DeepMnistCnn;
import org.mnistspark.model.Hyperparameters;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.ModelFile;
import org.mnistspark.model.ModelInfo;

/**
 * Trains the CNN with parameter averaging: each of {@code workers} fits its own minibatches for
 * {@code averagingFrequency} steps, then parameters and Adam's state are averaged. One step is one
 * minibatch on one worker, so a run of N steps sees N × batch size examples however many workers share it.
 */
public final class TrainingJob {
    /** The number of classes of MNIST-style data sets. */
    private static final int CLASSES = 10;
    /** Minibatches whose accuracy is reported as "training accuracy": the most recent ones. */
    private static final int RECENT_BATCHES = 2;

    private TrainingJob() {}

    public static TestMetrics run(SparkSession spark, TrainingConfig config, PrintWriter out) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        LabeledImages train = LabeledImages.read(spark, config.dataDir(), Split.TRAIN, CLASSES);
        LabeledImages test = LabeledImages.read(spark, config.dataDir(), Split.TEST, CLASSES);
        if (!train.shape().equals(test.shape())) {
            throw new IllegalArgumentException(test.path() + ": images are " + test.shape() + " but the training images are " + train.shape());
        }
        Files.createDirectories(config.output());
        Hyperparameters hp = config.hyperparameters();
        int workers = config.workers() > 0 ? config.workers() : sc.defaultParallelism();
        int roundSteps = workers * config.averagingFrequency();

        try (Minibatches batches = new Minibatches(sc, train.examples(), hp.batchSize(), hp.seed())) {
            long steps = config.epochs() != null ? Math.round(config.epochs() * batches.perEpoch()) : config.steps();
            if (steps < 1) {
                throw new IllegalArgumentException("nothing to train: " + steps + " steps");
            }
            out.printf("training on %d examples (%s) from %s: %d steps of %d, %d workers averaging every %d steps%n",
                    batches.examples(), train.shape(), train.path(), steps, hp.batchSize(), workers, config.averagingFrequency());
            SparkDl4jMultiLayer trainer = new SparkDl4jMultiLayer(sc, DeepMnistCnn.configuration(train.shape(), hp),
                    trainingMaster(workers, hp, config.averagingFrequency()));
            long reportEvery = Math.max(1, (config.logEvery() + roundSteps - 1) / roundSteps) * roundSteps;
            double seconds;
            try (ProgressLog log = new ProgressLog(config.output().resolve("train-log.csv"), steps, hp.batchSize(), out)) {
                for (long done = 0; done < steps; ) {
                    long next = Math.min(steps, done + reportEvery);
                    int classes = train.shape().classes();
                    trainer.fit(batches.steps(done, next).map(b -> b.toDataSet(classes)));
                    done = next;
                    List<Batch> recent = batches.steps(Math.max(0, done - RECENT_BATCHES), done).collect();
                    log.record(done, trainer.getScore(), accuracy(trainer.getNetwork(), recent));
                }
                seconds = log.elapsedSeconds();
            }
            MultiLayerNetwork network = trainer.getNetwork();
            ModelFile.save(network, new ModelInfo(train.shape(), steps, train.path()), config.output().resolve("model.zip"));

            TestMetrics metrics = Evaluator.evaluate(sc, network, test);
            Map<String, Object> json = new LinkedHashMap<>(metrics.toJson());
            json.put("test_data", test.path());
            json.put("train_data", train.path());
            json.put("steps", steps);
            json.put("examples", steps * hp.batchSize());
            json.put("seconds", seconds);
            json.put("images_per_second", steps * hp.batchSize() / seconds);
            json.put("batch_size", hp.batchSize());
            json.put("learning_rate", hp.learningRate());
            json.put("seed", hp.seed());
            json.put("workers", workers);
            json.put("averaging_frequency", config.averagingFrequency());
            MetricsFile.write(config.output().resolve("metrics.json"), json);
            out.printf("trained %d steps in %s (%.1f images/s)%n", steps, ProgressLog.duration(Math.round(seconds)),
                    steps * hp.batchSize() / seconds);
            out.print(metrics.report());
            out.println("wrote " + config.output().resolve("model.zip") + ", metrics.json and train-log.csv");
            return metrics;
        }
    }

    private static ParameterAveragingTrainingMaster trainingMaster(int workers, Hyperparameters hp, int averagingFrequency) {
        return new ParameterAveragingTrainingMaster.Builder(workers, hp.batchSize())
                .batchSizePerWorker(hp.batchSize())
                .averagingFrequency(averagingFrequency)
                // Averaging Adam's moment estimates too keeps the optimiser's state coherent across rounds.
                .saveUpdater(true)
                // Direct keeps minibatches in memory; the default Export needs a shared directory on a cluster.
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .rngSeed(hp.seed())
                .build();
    }

    private static double accuracy(MultiLayerNetwork network, List<Batch> batches) {
        int correct = 0;
        int total = 0;
        for (Batch batch : batches) {
            var predicted = network.output(batch.features(), false).argMax(1);
            for (int i = 0; i < batch.size(); i++) {
                correct += predicted.getInt(i) == batch.labels()[i] ? 1 : 0;
            }
            total += batch.size();
        }
        return (double) correct / total;
    }
}
