package org.mnistspark.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Chooses how the CNN's convolutions and pooling run: through oneDNN (Deeplearning4j's MKL-DNN layer
 * helpers on ND4J natives built with oneDNN), or through Deeplearning4j's built-in im2col path.
 * {@link #configure()} must run in each JVM before ND4J loads its natives: on the driver from the
 * command line, on cluster executors from {@link NativeBackendPlugin}, and, where neither ran (a Spark
 * program of the user's own), from {@link #configureOnce()} before a model first runs there.
 */
public final class NativeBackend {
    /** {@code builtin} switches oneDNN off; read on the driver and, through spark.executorEnv, on executors. */
    public static final String SWITCH = "MNIST_SPARK_CONVOLUTION";
    /** Deeplearning4j's own switch: layer helpers are only created when it is {@code false}. */
    static final String HELPERS_DISABLED = "org.eclipse.deeplearning4j.helpers.disable";
    /** JavaCPP's choice among ND4J's builds; any value, even empty, leaves out the AVX2 oneDNN build. */
    static final String NATIVE_EXTENSION = "org.bytedeco.javacpp.platform.extension";

    /** {@code OMP_NUM_THREADS}, or 0 when it is not a positive number. */
    private static final int CONFIGURED_THREADS = positive(System.getenv("OMP_NUM_THREADS"));

    private NativeBackend() {}

    /** Sets up this JVM; what the user set explicitly (system properties) wins. */
    public static synchronized void configure() {
        if (System.getProperty(NATIVE_EXTENSION) == null && !cpuHasAvx2()) {
            // The oneDNN build in the jar needs AVX2; without it, take the portable build.
            System.setProperty(NATIVE_EXTENSION, "");
        }
        if (System.getProperty(HELPERS_DISABLED) == null) {
            System.setProperty(HELPERS_DISABLED, Boolean.toString(switchedOff()));
        }
    }

    /** {@link #configure()}, once per JVM: cheap to call before every use of a model. */
    public static void configureOnce() {
        Configured.touch();
    }

    private static final class Configured {
        static {
            configure();
        }

        static void touch() {
            // Loading this class ran configure().
        }
    }

    /**
     * Gives the calling thread's native parallel sections (oneDNN's convolutions among them) the number of
     * threads in {@code OMP_NUM_THREADS}, when it is set; else, inside a Spark task, one thread per core the
     * task was given ({@code spark.task.cpus}), as the project's own runs set it. ND4J's natives start every
     * thread with a count of their own (4 on a 2-core machine) whatever the variable says, and OpenMP keeps
     * the count per thread, so each task thread sets its own before it runs a network.
     */
    public static void useConfiguredThreads() {
        TaskContext task = TaskContext.get();
        int threads = CONFIGURED_THREADS > 0 ? CONFIGURED_THREADS : task == null ? 0 : task.cpus();
        if (threads > 0) {
            Nd4j.getExecutioner(); // loads the natives
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        }
    }

    /** Whether new networks in this JVM run convolutions and pooling through oneDNN. */
    public static boolean oneDnn() {
        return !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLED, "true")) && nativesHaveOneDnn()
                && Nd4jCpu.Environment.getInstance().isUseONEDNN();
    }

    /** One line for the log: which path runs, and why. */
    public static String describe() {
        if (oneDnn()) {
            return "convolution and pooling: oneDNN (switch off with " + SWITCH + "=builtin)";
        }
        String why = switchedOff() ? SWITCH + "=builtin"
                : !nativesHaveOneDnn() ? "ND4J's natives here have no oneDNN"
                : "Deeplearning4j's layer helpers are off (-D" + HELPERS_DISABLED + "=true)";
        return "convolution and pooling: built-in im2col, several times slower (" + why + ")";
    }

    /** What {@link #describe()} says on the executors, each different answer once. */
    public static List<String> describeExecutors(JavaSparkContext sc) {
        int slots = sc.defaultParallelism();
        return sc.parallelize(IntStream.range(0, slots).boxed().toList(), slots)
                .map(i -> describe())
                .distinct()
                .collect();
    }

    private static boolean switchedOff() {
        String value = System.getenv(SWITCH);
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("builtin");
    }

    private static boolean nativesHaveOneDnn() {
        return NativesBuild.HAS_ONEDNN;
    }

    /** Asked once, on first use, after the natives have loaded. */
    private static final class NativesBuild {
        static final boolean HAS_ONEDNN = hasOneDnn();

        private static boolean hasOneDnn() {
            Nd4j.getExecutioner(); // loads the natives
            return NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
        }
    }

    private static int positive(String value) {
        return value != null && value.trim().matches("[1-9]\\d{0,3}") ? Integer.parseInt(value.trim()) : 0;
    }

    /** Linux says in /proc/cpuinfo; elsewhere assume a current x86 CPU and let JavaCPP choose. */
    private static boolean cpuHasAvx2() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            return !Files.isReadable(cpuinfo) || Files.readString(cpuinfo).contains(" avx2");
        } catch (IOException e) {
            return true;
        }
    }
}
