package org.mnistspark.bench;

/** The machine's measured single-precision matrix-product rate on all {@code cores}; a core's share of it for fewer threads. */
record Ceiling(double allCoresGigaflops, int cores) {

    double gigaflops(int threads) {
        return allCoresGigaflops * Math.min(threads, cores) / cores;
    }
}
