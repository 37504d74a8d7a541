package org.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class ModelFileTest {
    @TempDir
    Path dir;

    private static MultiLayerNetwork trainedOneStep() {
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(InputShape.MNIST, Hyperparameters.seedRecipe(), 1));
        network.init();
        Nd4j.getRandom().setSeed(7);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 50, 10);
        for (int i = 0; i < 50; i++) {
            labels.putScalar(i, i % 10, 1f);
        }
        network.fit(new DataSet(Nd4j.rand(DataType.FLOAT, 50, 784), labels));
        return network;
    }

    @Test
    void seedArchitecture() {
        MultiLayerNetwork network = new MultiLayerNetwork(DeepMnistCnn.configuration(InputShape.MNIST, Hyperparameters.seedRecipe(), 1));
        network.init();
        // conv1 5·5·32+32, conv2 5·5·32·64+64, fc1 7·7·64·1024+1024, output 1024·10+10
        assertEquals(832 + 51_264 + 3_212_288 + 10_250, network.numParams());
        assertEquals(0.1, network.getLayer(0).getParam("b").getDouble(0), 1e-7);
        double max = Math.abs(network.getLayer(4).getParam("W").maxNumber().doubleValue());
        double min = Math.abs(network.getLayer(4).getParam("W").minNumber().doubleValue());
        // Truncated at two standard deviations of 0.1.
        assertEquals(true, Math.max(max, min) <= 0.2 + 1e-6, "weights beyond 2 standard deviations: " + max + ", " + min);
    }

    @Test
    void saveThenLoadGivesIdenticalPredictions() throws IOException {
        MultiLayerNetwork network = trainedOneStep();
        Path file = dir.resolve("model.zip");
        ModelInfo info = new ModelInfo(InputShape.MNIST, 1, "unit test");

        ModelFile.save(network, info, file.toString(), new Configuration());
        ModelFile.Loaded loaded = ModelFile.load(file.toString(), new Configuration());

        INDArray input = Nd4j.rand(DataType.FLOAT, 20, 784);
        assertEquals(network.output(input, false), loaded.network().output(input, false));
        assertEquals(info, loaded.info());
        assertEquals(network.getUpdater().getStateViewArray(), loaded.network().getUpdater().getStateViewArray());
        assertEquals(Map.of(), loaded.arrays());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    /** A checkpoint's state beside the network comes back to the bit, subnormal and negative zero included. */
    @Test
    void deeplearning4jReadsTheFileAsItsOwn() throws IOException {
        MultiLayerNetwork network = trainedOneStep();
        Path file = dir.resolve("model.zip");
        ModelFile.save(network, new ModelInfo(InputShape.MNIST, 1, "unit test"), file.toString(), new Configuration());

        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);

        assertEquals(network.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations());
        assertArrayEquals(PackedFloats.of(network.params()).bytes(), PackedFloats.of(restored.params()).bytes());
        assertArrayEquals(PackedFloats.of(network.getUpdater().getStateViewArray()).bytes(),
                PackedFloats.of(restored.getUpdater().getStateViewArray()).bytes());
    }

    @Test
    void loadsWhatDeeplearning4jLoads() throws IOException {
        Path file = dir.resolve("model.zip");
        ModelFile.save(trainedOneStep(), new ModelInfo(InputShape.MNIST, 1, "unit test"), file.toString(), new Configuration());

        MultiLayerNetwork expected = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        MultiLayerNetwork loaded = ModelFile.load(file.toString(), new Configuration()).network();

        assertEquals(expected.getLayerWiseConfigurations(), loaded.getLayerWiseConfigurations());
        assertEquals(expected.getIterationCount(), loaded.getIterationCount());
        assertArrayEquals(PackedFloats.of(expected.params()).bytes(), PackedFloats.of(loaded.params()).bytes());
        assertArrayEquals(PackedFloats.of(expected.getUpdater().getStateViewArray()).bytes(),
                PackedFloats.of(loaded.getUpdater().getStateViewArray()).bytes());
        INDArray input = Nd4j.rand(DataType.FLOAT, 5, 784);
        assertEquals(expected.output(input, false), loaded.output(input, false));
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        Path file = dir.resolve("model.zip");
        ModelFile.save(trainedOneStep(), new ModelInfo(InputShape.MNIST, 1, "unit test"), file.toString(), new Configuration());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(file.toString(), new Configuration()));
        assertEquals(true, e.getMessage().startsWith(file + ": not a model saved by this tool ("), e.getMessage());
    }

    @Test
    void keepsArraysBesideTheNetworkToTheBit() throws IOException {
        MultiLayerNetwork network = trainedOneStep();
        Path file = dir.resolve("checkpoint.zip");
        INDArray buffer = Nd4j.rand(DataType.FLOAT, 1, 1000).subi(0.5).divi(3);
        buffer.putScalar(0, Float.MIN_VALUE);
        buffer.putScalar(1, -0f);

        ModelFile.save(network, new ModelInfo(InputShape.MNIST, 1, "unit test"), Map.of("buffer", buffer), file.toString(), new Configuration());
        ModelFile.Loaded loaded = ModelFile.load(file.toString(), new Configuration());

        assertEquals(Set.of("buffer"), loaded.arrays().keySet());
        assertArrayEquals(PackedFloats.of(buffer).bytes(), PackedFloats.of(loaded.arrays().get("buffer")).bytes());
        assertArrayEquals(PackedFloats.of(network.params()).bytes(), PackedFloats.of(loaded.network().params()).bytes());
    }

    @Test
    void keepsTheTemperatureAndPredictsAtIt() throws IOException {
        MultiLayerNetwork network = trainedOneStep();
        Path file = dir.resolve("model.zip");
        ModelFile.save(network, new ModelInfo(InputShape.MNIST, 1, "unit test", 1.7, 0.1, true), file.toString(), new Configuration());

        ModelFile.Loaded loaded = ModelFile.load(file.toString(), new Configuration());

        assertEquals(1.7, loaded.info().temperature());
        assertEquals(0.1, loaded.info().labelSmoothing());
        assertTrue(loaded.info().upright());
        assertEquals(loaded.info(), ModelFile.info(file.toString(), new Configuration()));
        INDArray input = Nd4j.rand(DataType.FLOAT, 5, 784);
        assertEquals(Temperature.apply(network.output(input, false), 1.7), loaded.predict(input));
    }

    @Test
    void aModelFileWithoutATemperatureLoadsAtOne() throws IOException {
        MultiLayerNetwork network = trainedOneStep();
        Path file = dir.resolve("model.zip");
        // The info entry as files were written before temperatures: no such field.
        String oldInfo = "{\"shape\":{\"rows\":28,\"cols\":28,\"classes\":10},\"steps\":1,\"trainedOn\":\"old\"}";
        ModelSerializer.writeModel(network, file.toFile(), true);
        ModelSerializer.addObjectToFile(file.toFile(), ModelFile.INFO_ENTRY, oldInfo);

        ModelFile.Loaded loaded = ModelFile.load(file.toString(), new Configuration());

        assertEquals(new ModelInfo(InputShape.MNIST, 1, "old"), loaded.info());
        assertEquals(1.0, loaded.info().temperature());
        assertEquals(null, loaded.info().labelSmoothing(), "not known");
        assertFalse(loaded.info().upright(), "IDX digits as they are, as models read them then");
        INDArray input = Nd4j.rand(DataType.FLOAT, 5, 784);
        assertEquals(network.output(input, false), loaded.predict(input));
    }

    @Test
    void rejectsATemperatureThatIsNotPositive() throws IOException {
        Path file = dir.resolve("model.zip");
        ModelSerializer.writeModel(trainedOneStep(), file.toFile(), true);
        ModelSerializer.addObjectToFile(file.toFile(), ModelFile.INFO_ENTRY,
                "{\"shape\":{\"rows\":28,\"cols\":28,\"classes\":10},\"steps\":1,\"trainedOn\":\"x\",\"temperature\":0}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(file.toString(), new Configuration()));
        assertEquals(true, e.getMessage().startsWith(file + ": not a model saved by this tool ("), e.getMessage());
        assertEquals(true, e.getMessage().contains("temperature must be positive and finite, not 0.0"), e.getMessage());
    }

    @Test
    void rejectsAFileThatIsNotAModel() throws IOException {
        Path file = dir.resolve("model.zip");
        Files.writeString(file, "not a zip");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(file.toString(), new Configuration()));
        assertEquals(true, e.getMessage().startsWith(file + ": not a model saved by this tool ("), e.getMessage());
    }

    @Test
    void rejectsAMissingFile() {
        Path file = dir.resolve("nothing.zip");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(file.toString(), new Configuration()));
        assertEquals(file + ": no such model file", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelFile.info(file.toString(), new Configuration()));
        assertEquals(file + ": no such model file", e.getMessage());
    }

    @Test
    void rejectsAModelOfTheWrongShape() throws IOException {
        Path file = dir.resolve("model.zip");
        ModelFile.save(trainedOneStep(), new ModelInfo(new InputShape(28, 28, 5), 1, "unit test"), file.toString(), new Configuration());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(file.toString(), new Configuration()));
        assertEquals(file + ": the network's output has shape [1, 10], not 5 classes", e.getMessage());
    }
}
