package org.mnistspark.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What runs a training run's parameter averaging: the project's own rounds, or Deeplearning4j's stock training master. */
public enum Engine {
    /** {@link ParameterAveraging}: one Spark job a round, the training set broadcast once, parameters sent as byte arrays. */
    MNIST_SPARK,
    /** {@link StockParameterAveraging}: Deeplearning4j's {@code ParameterAveragingTrainingMaster} through {@code SparkDl4jMultiLayer}. */
    DL4J;

    /** Its name on the command line and in a run's files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The engine named {@code label}, as {@link #label()} gives it. */
    public static Engine of(String label) {
        return Arrays.stream(values()).filter(e -> e.label().equals(label)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown engine '" + label + "'; choose from " + Arrays.stream(values()).map(Engine::label).collect(Collectors.joining(", "))));
    }
}
