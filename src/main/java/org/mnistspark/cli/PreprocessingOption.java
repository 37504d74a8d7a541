package org.mnistspark.cli;

import org.mnistspark.image.Preprocessing;
import picocli.CommandLine.Option;

/** {@code --preprocess}, shared by the commands that read images. */
final class PreprocessingOption {
    @Option(names = "--preprocess", defaultValue = "mnist", description = "How a picture becomes input: ${COMPLETION-CANDIDATES}.",
            converter = PreprocessingConverter.class, completionCandidates = PreprocessingConverter.class)
    Preprocessing mode;
}
