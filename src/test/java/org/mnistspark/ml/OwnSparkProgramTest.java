package org.mnistspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistspark.testing.DriverCommand;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.TrainedModel;

/** The model and its estimator work in a Spark program that sets nothing up for them: the native set-up happens on first use. */
class OwnSparkProgramTest {
    @Test
    void aProgramWithoutTheProjectsSettingsFitsAndRunsTheModelOnOneDnnWithKryo() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(DriverCommand.ofMain(OwnSparkProgram.class.getName(),
                TrainedModel.modelFile().toString(), TestData.mnist().resolve("t10k-images-idx3-ubyte.gz").toString()))
                .redirectErrorStream(true);
        // As a user's executors would have it: no thread count given.
        builder.environment().remove("OMP_NUM_THREADS");
        Process program = builder.start();
        String out = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, program.waitFor(), out);

        List<String> lines = out.lines().toList();
        double accuracy = lines.stream().filter(l -> l.startsWith("accuracy ")).mapToDouble(l -> Double.parseDouble(l.substring(9)))
                .findFirst().orElseThrow();
        assertTrue(accuracy >= 0.95, out);
        assertTrue(lines.contains("fitted, then predicted 200"), out);
        assertTrue(lines.contains("convolution and pooling: oneDNN (switch off with MNIST_SPARK_CONVOLUTION=builtin)"), out);
    }
}
