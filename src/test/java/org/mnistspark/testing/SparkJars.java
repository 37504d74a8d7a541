package org.mnistspark.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Spark's runtime as an installation's jars/ folder holds it: links to the Maven jars target/spark-classpath.txt lists. */
public final class SparkJars {
    private SparkJars() {}

    /** Creates {@code jars} with a link to each of Spark's jars; returns it. */
    public static Path linkInto(Path jars) throws IOException {
        Files.createDirectories(jars);
        for (String jar : Files.readString(Path.of("target/spark-classpath.txt")).strip().split(":")) {
            Path source = Path.of(jar);
            Files.createSymbolicLink(jars.resolve(source.getFileName()), source);
        }
        return jars;
    }
}
