package org.mnistspark.testing;

import org.apache.spark.sql.SparkSession;

/** One real local[2] Spark session for the whole test run, bound to loopback. */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("mnist-spark tests")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
        }
        return session;
    }
}
