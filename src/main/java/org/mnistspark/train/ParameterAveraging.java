package org.mnistspark.train;

import com.esotericsoftware.kryo.DefaultSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistspark.augment.Augmenter;
import org.mnistspark.model.NetworkPool;
import org.mnistspark.model.PackedFloats;
import org.mnistspark.model.Subnormals;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Synchronous parameter averaging, one Spark job a round: each of {@code workers} tasks starts from the
 * network's parameters (or the look-ahead of Nesterov's {@link BlockMomentum}) and Adam's state, fits
 * {@code frequency} consecutive minibatches, and passes both on; the executors sum them two at a time
 * (see {@link SummationTree}), and the driver takes the last two partial sums (see {@link SumHandoff})
 * and averages. The driver thus receives at most two copies of the state a round, however many workers
 * there are. The workers' mean parameters move the network's through a {@link MomentumBuffer} (plain
 * averaging, or block momentum); Adam's state becomes the workers' mean. The parameters travel as plain float arrays
 * (ND4J's own Java serialization writes one float at a time), the training set is broadcast once, and
 * executors reuse their networks from round to round. Worker {@code w} of the round starting at step
 * {@code s} fits steps {@code s + w·frequency} to {@code s + (w+1)·frequency - 1}, with dropout and the
 * augmentation of each minibatch seeded by the step, and the sums are taken in an order fixed by the
 * number of workers, so a round's result depends on nothing but its inputs: a rerun task, or a resumed
 * run, repeats it exactly. Subnormal floats, and values of Adam's state small enough to make them, are
 * flushed to zero from the averaged state and the momentum buffer (see {@link Subnormals}), so every
 * round starts without them, whatever network the run started from.
 */
final class ParameterAveraging implements Trainer {
    /** How often a round runs before a run gives up on losing its partial sums. */
    private static final int ROUND_ATTEMPTS = 4;

    private final JavaSparkContext sc;
    private final MultiLayerNetwork network;
    private final String configuration;
    private final Broadcast<TrainingSet> data;
    private final Minibatches minibatches;
    private final int workers;
    private final int frequency;
    private final MomentumBuffer momentum;
    private final long seed;
    private final long runSteps;
    private final boolean flushSubnormals;
    private final String jobGroup = "train-averaging-" + UUID.randomUUID();
    private int fanIn = SummationTree.FAN_IN;
    private long flushed;
    private int mostCopies;
    private long mostBytes;

    /**
     * Where a round starts: the averaged parameters, Adam's state and how many updates Adam has made. Kryo,
     * where a Spark program chose it, serializes it as Java does: its default serializer cannot build a record
     * on Java 17 (see {@code BroadcastModel.State}).
     */
    @DefaultSerializer(JavaSerializer.class)
    private record Start(PackedFloats parameters, PackedFloats updaterState, int iteration) implements Serializable {}

    /** What the driver received in a round: how many partial sums, and their bytes. */
    record Traffic(int copies, long bytes) {}

    /** {@code flushSubnormals} is false only to measure what the flush changes. */
    ParameterAveraging(JavaSparkContext sc, MultiLayerNetwork network, TrainingSet data, BatchOrder order, int workers,
            int frequency, MomentumBuffer momentum, Targets targets, Augmenter augmenter, long seed, long runSteps, boolean flushSubnormals) {
        this.sc = sc;
        this.network = network;
        // Without the iteration count, which changes every round: workers key their cached networks by it.
        int iteration = network.getIterationCount();
        network.setIterationCount(0);
        this.configuration = network.getLayerWiseConfigurations().toJson();
        network.setIterationCount(iteration);
        this.data = sc.broadcast(data);
        this.minibatches = new Minibatches(order, targets, augmenter);
        this.workers = workers;
        this.frequency = frequency;
        this.momentum = momentum;
        this.seed = seed;
        this.runSteps = runSteps;
        this.flushSubnormals = flushSubnormals;
        // A checkpoint or model saved before the flush existed may hold them.
        flushSubnormals();
    }

    /** The updates Adam counts in a run of {@code steps}: {@code frequency} a round, a last short round included. */
    static long updatesPerWorker(long steps, int workers, int frequency) {
        long roundSteps = (long) workers * frequency;
        return (steps + roundSteps - 1) / roundSteps * frequency;
    }

    @Override
    public String describe() {
        return "engine: mnist-spark (one Spark job a round of " + workers + (workers == 1 ? " worker" : " workers")
                + ", the training set broadcast once)";
    }

    @Override
    public int stepsPerRound() {
        return workers * frequency;
    }

    /**
     * Trains the round of steps [first, end), at most {@link #stepsPerRound()} of them (a run's last round
     * may have fewer, and fewer workers); returns its mean minibatch loss.
     */
    @Override
    public double round(long first, long end) {
        // The Spark UI lists this round's job under what it is to the run.
        sc.setJobGroup(jobGroup, String.format("train: averaging round %,d of %,d", first / stepsPerRound() + 1,
                (runSteps + stepsPerRound() - 1) / stepsPerRound()), false);
        INDArray startParameters = momentum.start(network.params());
        Broadcast<Start> start = sc.broadcast(new Start(PackedFloats.of(startParameters),
                PackedFloats.of(network.getUpdater().getStateViewArray()), network.getIterationCount()));
        try {
            String conf = configuration;
            Broadcast<TrainingSet> examples = data;
            Minibatches m = minibatches;
            int f = frequency;
            long s = seed;
            int busy = (int) ((end - first + f - 1) / f);
            JavaRDD<WorkerSum> results = sc.parallelize(IntStream.range(0, busy).boxed().toList(), busy)
                    .map(worker -> {
                        long from = first + (long) worker * f;
                        return work(worker, conf, start.value(), examples.value(), m, from, Math.min(end, from + f), s);
                    });
            SumHandoff.Taken taken = takeSums(results, busy);
            mostCopies = Math.max(mostCopies, taken.sums().size());
            mostBytes = Math.max(mostBytes, taken.bytes());
            WorkerSum total = WorkerSum.inOrder(taken.sums());
            average(total, startParameters);
            return total.lossSum() / (end - first);
        } finally {
            // Blocking: Spark's ContextCleaner removes the broadcast again once it is garbage, and a removal
            // still under way when it does logs an ERROR with a stack trace on the console.
            start.destroy(true);
        }
    }

    /**
     * The round's partial sums; the round runs again if one was lost with its executor after its task
     * ended, to the same sums, since a round depends on nothing but its inputs.
     */
    private SumHandoff.Taken takeSums(JavaRDD<WorkerSum> results, int busy) {
        for (int attempt = 1; ; attempt++) {
            Optional<SumHandoff.Taken> taken = SumHandoff.take(SummationTree.collect(results, busy, fanIn));
            if (taken.isPresent()) {
                return taken.get();
            }
            if (attempt == ROUND_ATTEMPTS) {
                throw new IllegalStateException("the partial sums of a round were lost " + ROUND_ATTEMPTS + " times");
            }
        }
    }

    private static WorkerSum work(int worker, String configuration, Start start, TrainingSet data, Minibatches minibatches, long from,
            long to, long seed) {
        MultiLayerNetwork network = NetworkPool.borrow(configuration);
        try {
            start.parameters().copyTo(network.params());
            start.updaterState().copyTo(network.getUpdater().getStateViewArray());
            network.setIterationCount(start.iteration());
            double lossSum = 0;
            for (long step = from; step < to; step++) {
                Nd4j.getRandom().setSeed(seed * 1_000_003L + step);
                network.fit(minibatches.of(data, step));
                lossSum += network.score();
            }
            return WorkerSum.of(worker, PackedFloats.of(network.params()), PackedFloats.of(network.getUpdater().getStateViewArray()), lossSum);
        } finally {
            NetworkPool.giveBack(configuration, network);
        }
    }

    private void average(WorkerSum total, INDArray startParameters) {
        momentum.move(network.params(), startParameters, total.parameters().toRow().divi(total.count()));
        mean(total.updaterState(), total.count(), network.getUpdater().getStateViewArray());
        network.setIterationCount(network.getIterationCount() + frequency);
        flushSubnormals();
    }

    private void flushSubnormals() {
        if (flushSubnormals) {
            flushed += Subnormals.flush(network.params()) + Subnormals.flushAdamState(network.getUpdater().getStateViewArray())
                    + momentum.flushSubnormals();
        }
    }

    @Override
    public long flushedToZero() {
        return flushed;
    }

    private static void mean(PackedFloats sum, int count, INDArray target) {
        sum.copyTo(target);
        target.divi(count);
    }

    @Override
    public Map<String, INDArray> checkpointArrays() {
        return momentum.checkpointArrays();
    }

    /**
     * Has the driver collect every worker's result and sum them itself, in the workers' order: the
     * plain mean, to hold the tree's sums against.
     */
    void collectEveryWorker() {
        fanIn = Integer.MAX_VALUE;
    }

    /** What the driver received in the round that brought it most. */
    @Override
    public Optional<Traffic> traffic() {
        return Optional.of(new Traffic(mostCopies, mostBytes));
    }

    @Override
    public void close() {
        sc.clearJobGroup();
        data.destroy();
    }
}
