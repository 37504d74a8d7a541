package org.mnistspark.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The machine's single-precision ceiling: ND4J's OpenBLAS multiplying two n×n matrices on {@code threads} threads. */
final class MatrixProduct {
    private MatrixProduct() {}

    static double gigaflops(int n, int threads, int repeats) {
        Nd4j.getBlasWrapper().level3(); // loads the natives before the thread count is set
        Nd4j.factory().blas().setMaxThreads(threads);
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
