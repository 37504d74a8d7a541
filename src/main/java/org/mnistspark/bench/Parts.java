package org.mnistspark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The measurements that run inside one process, each printing its result as one JSON line after {@link #RESULT}. */
public final class Parts {
    static final String RESULT = "result: ";
    private static final int MATRIX_SIZE = 2048;
    private static final int WARMUP_STEPS = 5;

    private Parts() {}

    /** {@code gemm}: single-precision GFLOP/s on one thread and on all cores; {@code dl4j}: plain-loop training images/s. */
    public static String run(String part, int steps, int repeats) throws Exception {
        Object result = switch (part) {
            case "gemm" -> Map.of("one_thread", MatrixProduct.gigaflops(MATRIX_SIZE, 1, repeats + 2),
                    "all_cores", MatrixProduct.gigaflops(MATRIX_SIZE, Runtime.getRuntime().availableProcessors(), repeats + 2));
            case "dl4j" -> Map.of("images_per_second", PlainTraining.imagesPerSecond(WARMUP_STEPS, steps, repeats));
            default -> throw new IllegalArgumentException("--part must be gemm or dl4j, not '" + part + "'");
        };
        return RESULT + new ObjectMapper().writeValueAsString(result);
    }
}
