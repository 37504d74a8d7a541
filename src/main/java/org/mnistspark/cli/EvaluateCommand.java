package org.mnistspark.cli;

import java.util.concurrent.Callable;
import org.mnistspark.files.Storage;
import org.mnistspark.evaluate.EvaluationJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Evaluate a saved model on the test set (t10k-*) of a data directory, or on labelled scans"
                + " (--images or --labels), then also writing a report beside the JSON.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model.zip written by train.")
    String model;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:MNIST_DIR:-data/mnist}",
            description = "Directory with t10k- images and labels in IDX format (env MNIST_DIR).")
    String data;

    @Mixin
    LabeledScansOption scans;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where to write the metrics JSON (default: evaluation.json beside the model).")
    String output;

    @Mixin
    OutputModeOption outputMode;

    @Mixin
    SparkOptions spark;

    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String target = output != null ? output : Storage.sibling(model, "evaluation.json");
        String images = scans.source(new OptionChecks(spec));
        if (images != null) {
            EvaluationJob.runOnScans(spark.session("evaluate"), model, images, scans.preprocessing.mode, target, outputMode.overwrite(),
                    main.console(spec.commandLine().getOut()));
        } else {
            EvaluationJob.run(spark.session("evaluate"), model, data, target, outputMode.overwrite(),
                    main.console(spec.commandLine().getOut()));
        }
        return 0;
    }
}
