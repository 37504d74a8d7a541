package org.mnistspark.cli;

import java.io.PrintWriter;
import org.mnistspark.model.NativeBackend;
import org.mnistspark.progress.Console;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./submit.sh <command>}: the one entry point. */
@Command(name = "submit.sh", mixinStandardHelpOptions = true, version = "mnist-spark 0.1.0",
        description = "Train the Deep MNIST CNN on Spark, evaluate it, and score images with it.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ScoreCommand.class, ReportCommand.class,
                DownloadCommand.class, PhotosCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    private final boolean terminal;

    private Main(boolean terminal) {
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        // Java gives a console only when standard input and output are both a terminal.
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.console() != null);
        // In YARN's cluster mode this method runs inside Spark's application master, which reports success once it returns:
        // exiting the JVM first would end the application as failed.
        if (code != 0 || System.getProperty("spark.yarn.app.id") == null) {
            System.exit(code);
        }
    }

    /** Runs a command whose output is not a terminal; returns its exit code (see below). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, false);
    }

    /** Runs a command; returns its exit code: 0 done, 1 failed on bad input or data, 2 bad command line. */
    static int execute(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
        NativeBackend.configure();
        CommandLine cli = new CommandLine(new Main(terminal));
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

    /** Where a command's progress goes: {@code out}, redrawn in place if it is a terminal. */
    Console console(PrintWriter out) {
        return new Console(out, terminal);
    }
}
