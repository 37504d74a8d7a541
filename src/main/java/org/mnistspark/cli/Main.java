package org.mnistspark.cli;

import java.io.PrintWriter;
import org.mnistspark.model.NativeBackend;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./submit.sh <command>}: the one entry point. */
@Command(name = "submit.sh", mixinStandardHelpOptions = true, version = "mnist-spark 0.1.0",
        description = "Train the Deep MNIST CNN on Spark, evaluate it, and score images with it.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ScoreCommand.class, DownloadCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command; returns its exit code: 0 done, 1 failed on bad input or data, 2 bad command line. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        NativeBackend.configure();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        // As with most tools, a later option wins: users append to commands they copy.
        cli.setOverwrittenOptionsAllowed(true);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage() + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            err.println("error: " + Errors.oneLine(e));
            return 1;
        });
        return cli.execute(args);
    }
}
