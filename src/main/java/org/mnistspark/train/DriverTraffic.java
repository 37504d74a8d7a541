package org.mnistspark.train;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.collection.JavaConverters;

/**
 * Counts the bytes that each job of a job group's tasks sent the driver as their results: Spark's
 * task metric {@code resultSize}, summed over every successful task of the job, whatever its stage.
 * The listener bus reports tasks after the fact, and a job's tasks before its end.
 */
final class DriverTraffic extends SparkListener {
    /** Long enough for a listener bus that lags behind a busy driver. */
    private static final long WAIT_MILLIS = TimeUnit.MINUTES.toMillis(1);

    private final String jobGroup;
    private final Map<Integer, Integer> jobOfStage = new ConcurrentHashMap<>();
    private final Map<Integer, Long> bytesOfJob = new HashMap<>();
    private int jobsEnded;

    DriverTraffic(String jobGroup) {
        this.jobGroup = jobGroup;
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
        if (jobGroup.equals(start.properties().getProperty("spark.jobGroup.id"))) {
            bytesOfJob.put(start.jobId(), 0L);
            JavaConverters.seqAsJavaList(start.stageIds()).forEach(stage -> jobOfStage.put((Integer) stage, start.jobId()));
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        Integer job = jobOfStage.get(end.stageId());
        if (job != null && end.taskInfo().successful() && end.taskMetrics() != null) {
            bytesOfJob.merge(job, end.taskMetrics().resultSize(), Long::sum);
        }
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd end) {
        if (bytesOfJob.containsKey(end.jobId())) {
            jobsEnded++;
            notifyAll();
        }
    }

    /**
     * The most bytes any one job sent the driver, once the listener bus has reported the end of
     * {@code jobs} jobs; empty if it has not within a minute (a bus that drops events under load) or the
     * thread is interrupted while it waits.
     */
    synchronized OptionalLong mostBytesPerJob(int jobs) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (jobsEnded < jobs) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return OptionalLong.empty();
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalLong.empty();
            }
        }
        return bytesOfJob.values().stream().mapToLong(Long::longValue).max();
    }
}
