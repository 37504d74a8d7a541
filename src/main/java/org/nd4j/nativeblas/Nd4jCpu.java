package org.nd4j.nativeblas;

import org.mnistspark.model.NativeBackend;

/**
 * Deeplearning4j 1.0.0-M2 asks this class, by name, whether its oneDNN layer helpers may run
 * ({@code BaseMKLDNNHelper.mklDnnEnabled()}); ND4J M2 moved the class it means to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu}, so without this answer the helpers never run.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {}

    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {}

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return NativeBackend.oneDnn();
        }
    }
}
