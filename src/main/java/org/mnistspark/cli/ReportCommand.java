package org.mnistspark.cli;

import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.mnistspark.report.TrainingReport;
import org.mnistspark.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild RUN_DIR/report.html from the files a training run wrote there (no Spark, no model, no data).")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A directory written by train, on any file system Hadoop reaches.")
    String runDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().println("wrote " + TrainingReport.write(new RunDirectory(runDir, new Configuration())));
        return 0;
    }
}
