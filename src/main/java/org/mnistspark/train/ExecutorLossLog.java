package org.mnistspark.train;

import java.io.PrintWriter;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/**
 * Says on the console when an executor goes away during training: Spark reruns its tasks from the
 * last averaged parameters, so the run goes on, but the user should know why a round took longer.
 */
final class ExecutorLossLog extends SparkListener {
    private final PrintWriter out;

    ExecutorLossLog(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        out.printf("lost executor %s: %s; Spark reruns its tasks%n", removed.executorId(), removed.reason());
    }
}
