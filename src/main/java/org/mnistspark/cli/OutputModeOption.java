package org.mnistspark.cli;

import picocli.CommandLine.Option;

/** {@code --mode}: what a command does when its output already exists; the same for every command that writes one. */
final class OutputModeOption {
    enum Mode { errorifexists, overwrite }

    @Option(names = "--mode", defaultValue = "errorifexists", description = "If the output exists: ${COMPLETION-CANDIDATES}.")
    Mode mode;

    boolean overwrite() {
        return mode == Mode.overwrite;
    }
}
