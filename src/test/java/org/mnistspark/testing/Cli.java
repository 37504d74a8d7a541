package org.mnistspark.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.mnistspark.cli.Main;

/** Runs the command line in this JVM, on the shared test Spark session, and keeps what it printed. */
public record Cli(int exitCode, String out, String err) {
    public static Cli run(String... args) {
        TestSpark.session();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        System.out.print(out);
        return new Cli(code, out.toString(), err.toString());
    }

    /** The single line the command wrote to standard error. */
    public String errorLine() {
        return err.strip();
    }
}
