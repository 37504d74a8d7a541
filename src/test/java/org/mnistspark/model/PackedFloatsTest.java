package org.mnistspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PackedFloatsTest {
    @Test
    void carriesEveryValueExactly() {
        INDArray values = Nd4j.rand(DataType.FLOAT, 1, 1000).subi(0.5).muli(1e6);
        PackedFloats packed = PackedFloats.of(values);
        assertEquals(1000, packed.length());
        assertEquals(values, packed.toRow());
    }

    /** The same float additions as ND4J's, so a sum summed here is the sum an ND4J array would hold. */
    @Test
    void addsElementWiseAsNd4jDoes() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 1, 1000).subi(0.5).muli(1e3);
        INDArray b = Nd4j.rand(DataType.FLOAT, 1, 1000).muli(1e-3);
        PackedFloats sum = PackedFloats.of(a);
        sum.add(PackedFloats.of(b));
        assertEquals(a.add(b), sum.toRow());
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> PackedFloats.of(a).add(PackedFloats.of(Nd4j.zeros(DataType.FLOAT, 1, 5))));
        assertEquals("cannot add 5 values to 1000", length.getMessage());
    }

    @Test
    void readsAndWritesRowsOfALargerArrayAtTheirOffset() {
        INDArray matrix = Nd4j.arange(12).castTo(DataType.FLOAT).reshape(3, 4);
        PackedFloats middle = PackedFloats.of(matrix.getRow(1));
        assertEquals(Nd4j.createFromArray(4f, 5f, 6f, 7f).reshape(1, 4), middle.toRow());

        middle.copyTo(matrix.getRow(2));
        assertEquals(Nd4j.createFromArray(new float[][] {{0, 1, 2, 3}, {4, 5, 6, 7}, {4, 5, 6, 7}}), matrix);
    }

    @Test
    void refusesArraysItCannotCopyInBulk() {
        INDArray matrix = Nd4j.rand(DataType.FLOAT, 3, 4);
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class, () -> PackedFloats.of(matrix.getColumn(1)));
        assertEquals(true, column.getMessage().startsWith("not a contiguous float array"), column.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PackedFloats.of(Nd4j.rand(DataType.DOUBLE, 1, 4)));
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> PackedFloats.of(matrix).copyTo(Nd4j.zeros(DataType.FLOAT, 1, 5)));
        assertEquals("cannot copy 12 values into an array of 5", length.getMessage());
    }
}
