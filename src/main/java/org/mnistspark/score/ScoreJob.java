package org.mnistspark.score;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.mnistspark.model.NativeBackend;
import org.mnistspark.progress.Console;
import org.mnistspark.progress.Progress;

/** Scores every file under a folder and writes one Parquet row per file. */
public final class ScoreJob {
    /** Plain progress lines: one per this many files. */
    private static final int FILES_PER_LINE = 1000;

    private ScoreJob() {}

    public static ScoreSummary run(SparkSession spark, ScoreConfig config, Console console) throws IOException {
        PrintWriter out = console.out();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Scoring scoring = new Scoring(spark, config);
        ParquetOutput output = new ParquetOutput(config.output(), config.overwrite(), sc.hadoopConfiguration());
        List<String> files = InputFiles.list(config.input(), config.glob(), sc.hadoopConfiguration());
        out.printf("scoring %d files under %s with %s (%s preprocessing)%n", files.size(), config.input(),
                config.model(), config.preprocessing().name().toLowerCase(java.util.Locale.ROOT));
        NativeBackend.describeExecutors(sc).forEach(out::println);

        long start = System.nanoTime();
        int tasks = scoring.tasks(files.size());
        String jobGroup = "score-" + UUID.randomUUID();
        Progress progress = console.progress("score", "files", 0, files.size(), FILES_PER_LINE, 1);
        ScoringProgress tasksDone = new ScoringProgress(jobGroup, progress, scoring.failures(), files.size(), tasks);
        sc.sc().addSparkListener(tasksDone);
        try {
            sc.setJobGroup(jobGroup, String.format("score: %,d files", files.size()), false);
            output.write(staging -> scoring.rows(files, tasks).write().parquet(staging));
            tasksDone.finish();
        } finally {
            sc.sc().removeSparkListener(tasksDone);
            progress.close();
            sc.clearJobGroup();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Scoring.Published published = scoring.publish(spark.read().parquet(config.output()), files.size(), seconds);
        out.print(published.summary().report());
        out.println("wrote " + config.output() + ", the report " + published.report() + " and the summary " + published.summaryFile());
        return published.summary();
    }
}
