package org.mnistspark.score;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.mnistspark.progress.Progress;
import scala.collection.JavaConverters;

/**
 * Moves the scoring progress on as each task of the scoring job finishes, by the files its slice of
 * the list held, with the failures counted so far (Spark adds a task's accumulator updates before it
 * announces the task's end). The whole folder is one job, so no core waits for another between chunks.
 */
final class ScoringProgress extends SparkListener {
    private final String jobGroup;
    private final Progress progress;
    private final LongAccumulator failures;
    private final long files;
    private final int slices;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private long done;
    private boolean finished;

    ScoringProgress(String jobGroup, Progress progress, LongAccumulator failures, long files, int slices) {
        this.jobGroup = jobGroup;
        this.progress = progress;
        this.failures = failures;
        this.files = files;
        this.slices = slices;
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        if (jobGroup.equals(start.properties().getProperty("spark.jobGroup.id"))) {
            JavaConverters.seqAsJavaList(start.stageIds()).forEach(id -> stages.add((Integer) id));
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (finished || !stages.contains(end.stageId()) || !end.taskInfo().successful()) {
            return;
        }
        // The slice of task i, as Spark's parallelize cuts a list.
        int i = end.taskInfo().index();
        done += files * (i + 1) / slices - files * i / slices;
        show();
    }

    /** The job is over: shows the final count unless it is shown already, and nothing the listener bus delivers later. */
    synchronized void finish() {
        finished = true;
        if (done < files) {
            done = files;
            show();
        }
    }

    private void show() {
        progress.update(done, () -> String.format("%,d failed", failures.value()));
    }
}
