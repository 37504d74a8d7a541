package org.mnistspark.testing;

import java.util.Map;

/**
 * The JIT setting of the JVMs the tests start (drivers, executors, a cluster's daemons): they live
 * seconds, most of it starting Spark, and their arithmetic is native. Compiling that start-up code
 * with C1 alone saves them the optimising compiler's CPU (~5 s a JVM) that they would not live to
 * earn back. The product's own settings are left as they are.
 */
public final class ShortLivedJvm {
    public static final String OPTION = "-XX:TieredStopAtLevel=1";
    /** For JVMs started by a process the test does not control: each reads it from its environment. */
    public static final String VARIABLE = "JAVA_TOOL_OPTIONS";
    public static final Map<String, String> ENVIRONMENT = Map.of(VARIABLE, OPTION);

    private ShortLivedJvm() {}
}
