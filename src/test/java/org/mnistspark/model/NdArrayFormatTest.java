package org.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NdArrayFormatTest {
    /** A row as long as a network's parameters' slices, matrices in both orders, and a view into one. */
    private static List<INDArray> arrays() {
        Nd4j.getRandom().setSeed(5);
        INDArray matrix = Nd4j.rand(DataType.FLOAT, 30, 40);
        return List.of(Nd4j.rand(DataType.FLOAT, 1, 200_003), matrix, Nd4j.rand(DataType.FLOAT, 'f', 7, 9),
                matrix.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(3, 9), org.nd4j.linalg.indexing.NDArrayIndex.all()),
                Nd4j.createFromArray(Float.NaN, -0f, Float.MIN_VALUE, Float.POSITIVE_INFINITY).reshape(1, 4));
    }

    @Test
    void writesNd4jsBytes() throws IOException {
        for (INDArray array : arrays()) {
            assertArrayEquals(Nd4j.toByteArray(array), NdArrayFormat.toBytes(array), array.shapeInfoToString());
        }
    }

    @Test
    void readsWhatNd4jReads() throws IOException {
        for (INDArray array : arrays()) {
            INDArray expected = Nd4j.fromByteArray(Nd4j.toByteArray(array));
            INDArray read = NdArrayFormat.read(new ByteArrayInputStream(Nd4j.toByteArray(array)));
            assertEquals(expected.shapeInfoToString(), read.shapeInfoToString());
            assertArrayEquals(expected.data().asFloat(), read.data().asFloat());
        }
    }

    @Test
    void refusesAnArrayOfAnotherType() throws IOException {
        byte[] doubles = Nd4j.toByteArray(Nd4j.rand(DataType.DOUBLE, 2, 3));
        IOException e = assertThrows(IOException.class, () -> NdArrayFormat.read(new ByteArrayInputStream(doubles)));
        assertEquals("an array of DOUBLE where FLOAT was expected", e.getMessage());
    }
}
