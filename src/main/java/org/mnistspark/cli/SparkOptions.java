package org.mnistspark.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The Spark options every Spark command takes; under spark-submit the master comes from there. */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], spark://host:port, yarn, k8s://… (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting; repeatable.")
    Map<String, String> conf = new LinkedHashMap<>();

    SparkSession session(String appName) {
        // new SparkConf() also picks up the spark.* system properties that submit.sh and spark-submit set.
        SparkConf sparkConf = new SparkConf().setAppName("mnist-spark " + appName);
        if (master != null) {
            sparkConf.setMaster(master);
        } else if (!sparkConf.contains("spark.master")) {
            sparkConf.setMaster("local[*]");
        }
        conf.forEach(sparkConf::set);
        return SparkSession.builder().config(sparkConf).getOrCreate();
    }
}
