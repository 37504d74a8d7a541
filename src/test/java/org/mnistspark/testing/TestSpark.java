package org.mnistspark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One real local[2] Spark session for the whole test run, bound to loopback, with the product's conf/spark-defaults.conf. */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            SparkSession.Builder builder = SparkSession.builder();
            try {
                for (String line : Files.readAllLines(Path.of("conf/spark-defaults.conf"))) {
                    String[] setting = line.strip().split("\\s+", 2);
                    if (setting.length == 2 && !setting[0].startsWith("#")) {
                        builder.config(setting[0], setting[1]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            session = builder
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
