package org.mnistspark.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's single-precision ceiling: the best of a few n×n matrix products through ND4J's
 * OpenBLAS, which uses every core (it does not take a smaller thread count from ND4J in 1.0.0-M2).
 */
final class MatrixProduct {
    private MatrixProduct() {}

    static double gigaflops(int n, int repeats) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.createUninitialized(DataType.FLOAT, n, n);
        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
        double best = 0;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            best = Math.max(best, 2.0 * n * n * n / (System.nanoTime() - start));
        }
        return best;
    }
}
