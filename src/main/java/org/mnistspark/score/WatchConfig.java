package org.mnistspark.score;

/**
 * How {@code score --watch} runs beside its {@link ScoreConfig}: {@code checkpoint} is the Hadoop path where Spark records
 * the files the watch has taken, the same for every restart; new files are looked for every {@code triggerMillis}.
 */
public record WatchConfig(String checkpoint, long triggerMillis) {}
