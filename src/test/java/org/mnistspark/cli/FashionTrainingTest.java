package org.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.testing.Cli;
import org.mnistspark.testing.TestData;

/** The same code trains on Fashion-MNIST: nothing in the pipeline is specific to digits. */
class FashionTrainingTest {
    private static final double ACCURACY_FLOOR = 0.80;

    @Test
    void trainsOnFashionMnist(@TempDir Path dir) throws IOException {
        Cli training = Cli.run("train", "--data", TestData.fashion().toString(), "--output", dir.toString(),
                "--steps", "300", "--lr", "1e-3", "--master", "local[2]");

        assertEquals(0, training.exitCode(), training.err());
        double accuracy = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile()).get("accuracy").asDouble();
        System.out.printf("Fashion-MNIST, 300 steps at lr 1e-3: test accuracy %.4f%n", accuracy);
        assertTrue(accuracy >= ACCURACY_FLOOR, "accuracy " + accuracy);
    }
}
