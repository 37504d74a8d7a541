package org.mnistspark.bench;

/** The machine's measured single-precision matrix-product rate, on one thread and on all {@code cores}. */
record Ceiling(double oneThreadGigaflops, double allCoresGigaflops, int cores) {

    double gigaflops(int threads) {
        return threads == 1 ? oneThreadGigaflops : allCoresGigaflops;
    }
}
