package org.mnistspark.score;

import org.mnistspark.image.Preprocessing;

/**
 * One scoring run: {@code model}, {@code input} and {@code output} are Hadoop paths (local, HDFS, S3…); {@code glob},
 * if not null, keeps only file names that match it; {@code batch} images go through the network at once;
 * {@code reviewBelow}, if not null, adds a {@code review} column marking the rows less confident than it, and the failed ones.
 */
public record ScoreConfig(String model, String input, String output, String glob, Preprocessing preprocessing, int batch,
        boolean overwrite, long maxPixels, long maxFileBytes, Double reviewBelow) {}
