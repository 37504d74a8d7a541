package org.mnistspark.evaluate;

import org.mnistspark.progress.Progress;

/**
 * The metrics of each partition, taken as its task ends: each one moves the progress on (examples so
 * far, accuracy so far), and the whole set's are merged in partition order, so that sums of doubles
 * (the loss, the calibration's confidences) come out the same whatever order the tasks end in.
 */
final class ArrivingMetrics {
    private final TestMetrics[] partitions;
    private final TestMetrics empty;
    private final Progress progress;
    private TestMetrics sofar;

    ArrivingMetrics(int partitions, TestMetrics empty, Progress progress) {
        this.partitions = new TestMetrics[partitions];
        this.empty = empty;
        this.progress = progress;
        this.sofar = empty;
    }

    /** Called on the driver as the task of {@code partition} ends; Spark hands over each partition's result once. */
    synchronized void arrived(int partition, TestMetrics metrics) {
        partitions[partition] = metrics;
        sofar = sofar.plus(metrics);
        TestMetrics shown = sofar;
        progress.update(shown.examples(), () -> String.format("accuracy %.4f", shown.accuracy()));
    }

    /** The whole set's metrics, once every partition has arrived. */
    synchronized TestMetrics total() {
        TestMetrics total = empty;
        for (TestMetrics partition : partitions) {
            total = total.plus(partition);
        }
        return total;
    }
}
