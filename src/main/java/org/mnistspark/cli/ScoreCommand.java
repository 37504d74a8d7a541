package org.mnistspark.cli;

import java.util.concurrent.Callable;
import org.mnistspark.image.ImageDecoder;
import org.mnistspark.score.ScoreConfig;
import org.mnistspark.score.ScoreJob;
import org.mnistspark.score.WatchConfig;
import org.mnistspark.score.WatchJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "score", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Score every image under a folder with Spark; write one Parquet row per file (path, label, "
                + "confidence, probabilities, error, …). Unreadable files become rows with an error. With --watch, keep "
                + "scoring the files that arrive.")
final class ScoreCommand implements Callable<Integer> {
    /** Larger files are error rows: no scan or photo of a digit comes near it. */
    private static final long MAX_FILE_BYTES = 256L << 20;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model.zip written by train.")
    String model;

    @Option(names = "--input", paramLabel = "DIR", required = true,
            description = "Folder of images, read recursively (any Hadoop path: local, hdfs://, s3a://).")
    String input;

    @Option(names = "--output", paramLabel = "PATH", required = true, description = "Parquet output directory.")
    String output;

    @Option(names = "--glob", paramLabel = "PATTERN", description = "Only files whose name matches, e.g. '*.{png,jpg}'.")
    String glob;

    @Mixin
    PreprocessingOption preprocessing;

    @Option(names = "--batch", defaultValue = "256", description = "Images per forward pass.")
    int batch;

    @Mixin
    OutputModeOption outputMode;

    @Option(names = "--max-pixels", defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS,
            description = "Files declaring more pixels are error rows, never decoded.")
    long maxPixels;

    @Option(names = "--review-below", paramLabel = "P",
            description = "Add a boolean column review: true where the confidence is below P (0 < P <= 1) or the file failed; "
                    + "0.9 is a good start (see the README).")
    Double reviewBelow;

    @Mixin
    WatchOptions watchOptions;

    @Mixin
    SparkOptions spark;

    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptionChecks checks = new OptionChecks(spec);
        checks.atLeastOne("--batch", batch);
        checks.atLeastOne("--max-pixels", maxPixels);
        if (reviewBelow != null) {
            checks.aboveZeroAtMostOne("--review-below", reviewBelow);
        }
        WatchConfig watch = watchOptions.config(checks, outputMode.overwrite());
        ScoreConfig config = new ScoreConfig(model, input, output, glob, preprocessing.mode, batch, outputMode.overwrite(),
                maxPixels, MAX_FILE_BYTES, reviewBelow);
        if (watch == null) {
            ScoreJob.run(spark.session("score"), config, main.console(spec.commandLine().getOut()));
            return 0;
        }
        try (StopSignals signals = StopSignals.install()) {
            WatchJob.run(spark.session("score --watch"), config, watch, main.console(spec.commandLine().getOut()), signals.requested());
        }
        return 0;
    }
}
