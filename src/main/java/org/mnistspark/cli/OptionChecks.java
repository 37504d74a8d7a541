package org.mnistspark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values that picocli's types cannot express: a value out of range is a bad command line (exit 2). */
final class OptionChecks {
    private final CommandLine cli;

    OptionChecks(CommandSpec spec) {
        this.cli = spec.commandLine();
    }

    void atLeastOne(String option, long value) {
        require(value >= 1, option + " must be at least 1, not " + value);
    }

    /** A share or a confidence above 0, up to 1 included. */
    void aboveZeroAtMostOne(String option, double value) {
        require(value > 0 && value <= 1, option + " must be above 0 and at most 1, not " + value);
    }

    void require(boolean valid, String problem) {
        if (!valid) {
            throw new ParameterException(cli, problem);
        }
    }
}
