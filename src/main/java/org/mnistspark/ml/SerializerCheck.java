package org.mnistspark.ml;

import org.apache.spark.SparkConf;

/**
 * The one Spark setting the ml classes cannot live with: Kryo told to refuse classes nobody registered. The
 * network and the training state travel as classes of the project's own, which Kryo serializes as Java does
 * (either serializer works otherwise); a job would fail on them mid-way, so the check comes first.
 */
final class SerializerCheck {
    static final String REGISTRATION_REQUIRED = "spark.kryo.registrationRequired";

    private SerializerCheck() {}

    static void require(SparkConf conf) {
        if (conf.get("spark.serializer", "").endsWith("KryoSerializer") && conf.getBoolean(REGISTRATION_REQUIRED, false)) {
            throw new IllegalStateException(REGISTRATION_REQUIRED + " is true, but the digit network and its training state go to the"
                    + " executors as classes nobody registers with Kryo: set it to false");
        }
    }
}
