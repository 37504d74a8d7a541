package org.mnistspark.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.image.ImageDecoder;
import org.mnistspark.image.UnreadableImageException;
import org.mnistspark.model.InputShape;
import org.mnistspark.model.ModelFile;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Print the 10 probabilities and the predicted digit for each image, on this machine (no Spark).")
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "FILE", required = true, description = "A model.zip written by train.")
    String model;

    @Mixin
    PreprocessingOption preprocessing;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files (JPEG, PNG, GIF, BMP, TIFF).")
    List<Path> images;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelFile.Loaded loaded = ModelFile.load(model, new Configuration());
        InputShape shape = loaded.info().shape();
        int failures = 0;
        for (Path image : images) {
            try {
                float[] input = preprocessing.mode.apply(ImageDecoder.read(image).grey(), shape.rows(), shape.cols());
                INDArray p = loaded.predict(Nd4j.create(input, 1, input.length));
                StringBuilder line = new StringBuilder(image + ": " + p.argMax(1).getInt(0) + " [");
                for (int c = 0; c < p.columns(); c++) {
                    line.append(c == 0 ? "" : " ").append(String.format("%.6f", p.getDouble(0, c)));
                }
                spec.commandLine().getOut().println(line.append(']'));
            } catch (UnreadableImageException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
