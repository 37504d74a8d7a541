package org.mnistspark.cli;

import org.mnistspark.score.WatchConfig;
import picocli.CommandLine.Option;

/** {@code score --watch} and the options that only a watch takes. */
final class WatchOptions {
    private static final double DEFAULT_TRIGGER_SECONDS = 5;

    @Option(names = "--watch", description = "Keep scoring the files that arrive under --input, adding their rows to --output, "
            + "each file once, until Ctrl-C or SIGTERM; needs --checkpoint.")
    boolean watch;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "With --watch: where Spark records the files scored (any Hadoop path); give the same one to go on after a stop.")
    String checkpoint;

    @Option(names = "--trigger", paramLabel = "SECONDS",
            description = "With --watch: look for new files every SECONDS (default: " + DEFAULT_TRIGGER_SECONDS + ").")
    Double triggerSeconds;

    /** The watch's settings, null without {@code --watch}; refuses the options that make no sense with the others. */
    WatchConfig config(OptionChecks checks, boolean overwrite) {
        if (!watch) {
            checks.require(checkpoint == null, "--checkpoint applies only with --watch");
            checks.require(triggerSeconds == null, "--trigger applies only with --watch");
            return null;
        }
        checks.require(checkpoint != null, "--watch needs --checkpoint DIR, where Spark records the files scored");
        checks.require(!overwrite, "--watch adds to its --output, never replaces it: drop --mode overwrite");
        double seconds = triggerSeconds == null ? DEFAULT_TRIGGER_SECONDS : triggerSeconds;
        checks.require(seconds >= 0.1, "--trigger must be at least 0.1 seconds, not " + seconds);
        return new WatchConfig(checkpoint, Math.round(seconds * 1000));
    }
}
