package org.mnistspark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mnistspark.bench.Benchmark;
import org.mnistspark.bench.Parts;
import org.mnistspark.photos.UciDigits;
import org.mnistspark.train.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Measure, on this machine: training images/s and test accuracy through the Spark job on local[*], with the project's"
                + " engine and with Deeplearning4j's stock training master (--engine dl4j); the same network in a plain"
                + " DL4J loop with built-in and oneDNN convolutions, and one such loop per core side by side; PyTorch on the same network (bench/torch_baseline.py);"
                + " scoring a folder of JPEG and PNG photos to Parquet; whether a --preset fast run keeps its speed to the end, and how well its model reads"
                + " each generated photo set; and the machine's matrix-product GFLOP/s, the ceiling each figure is held against. Prints a table; writes bench.json and bench.md into --output.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:MNIST_DIR:-data/mnist}",
            description = "MNIST, for training and for rendering the photos (env MNIST_DIR).")
    String data;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "runs/bench", description = "Where to write the results and logs.")
    Path output;

    @Option(names = "--repeats", defaultValue = "3", description = "Sweeps over the figures: each sweep measures every figure once, in processes of"
            + " its own after their warm-up, one figure after the other; a figure is the median of its sweeps.")
    int repeats;

    // 1,000 steps are 50 to 100 rounds: fewer leave a repeat's own start-up (the first rounds, the training set's
    // broadcast) a large share of its time, and its figure spread by 10% or more from one repeat to the next.
    @Option(names = "--train-steps", paramLabel = "N", defaultValue = "1000", description = "Steps of each Spark training repeat.")
    int trainSteps;

    @Option(names = "--pace-steps", paramLabel = "N", defaultValue = "4000",
            description = "Steps of the --preset fast run whose last fifth's speed is held against its first fifth's.")
    int paceSteps;

    @Option(names = "--photos", paramLabel = "N", defaultValue = "10000", description = "Photos to render and score.")
    int photos;

    @Option(names = "--set-photos", paramLabel = "N", defaultValue = "100",
            description = "Pictures of each digit in each generated photo set (see photos) that the pace run's model reads.")
    int setPhotos;

    @Option(names = "--uci-digits", paramLabel = "FILE", defaultValue = UciDigits.SKLEARN_COPY_FILE,
            description = "The UCI handwritten digits (see photos --uci-digits) the pace run's model reads too; where the file is missing they are left out.")
    Path uciDigits;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
            description = "The Python that has PyTorch (Debian: python3-torch); without it the PyTorch figures are skipped.")
    String python;

    @Option(names = "--part", hidden = true, description = "Run one in-process measurement (gemm or dl4j) and print its result.")
    String part;

    @Option(names = "--steps", hidden = true, defaultValue = "50", description = "Steps of each repeat of a part.")
    int steps;

    @Option(names = "--averaging-frequency", hidden = true, defaultValue = "5", description = "The spark-train part's averaging.")
    int averagingFrequency;

    @Option(names = "--engine", hidden = true, defaultValue = "mnist-spark", converter = EngineConverter.class,
            description = "The spark-train part's engine.")
    Engine engine;

    @Option(names = "--sweep", hidden = true, defaultValue = "0", description = "The bench's sweep the spark-train part runs in, which picks its seeds.")
    int sweep;

    @Mixin
    SparkOptions spark;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptionChecks checks = new OptionChecks(spec);
        checks.atLeastOne("--repeats", repeats);
        checks.atLeastOne("--train-steps", trainSteps);
        checks.atLeastOne("--photos", photos);
        checks.atLeastOne("--set-photos", setPhotos);
        // A tenth of warm-up and two fifths to compare need a few averaging rounds each.
        checks.require(paceSteps >= 200, "--pace-steps must be at least 200, not " + paceSteps);
        if (part != null) {
            Parts.Request request = new Parts.Request(part, steps, repeats, averagingFrequency, engine, Parts.firstSeed(sweep), data,
                    output.toAbsolutePath());
            spec.commandLine().getOut().println(Parts.run(request, () -> spark.session("bench"), spec.commandLine().getOut()));
            return 0;
        }
        Path home = Path.of(System.getenv().getOrDefault("MNIST_SPARK_HOME", ".")).toAbsolutePath();
        Benchmark.run(new Benchmark.Settings(data, output.toAbsolutePath(), repeats, trainSteps, paceSteps, photos, setPhotos, uciDigits,
                python, home),
                spec.commandLine().getOut());
        return 0;
    }
}
