package org.mnistspark.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --images} or {@code --labels}: labelled scans, for the commands that train or evaluate on them. */
final class LabeledScansOption {
    @Option(names = "--images", paramLabel = "DIR",
            description = "Labelled scans in a folder per digit: DIR/0/*.png … DIR/9/*.jpg, any Hadoop path.")
    String images;

    @Option(names = "--labels", paramLabel = "FILE.csv",
            description = "Labelled scans listed as path,label rows, paths relative to the CSV's folder or absolute.")
    String labels;

    @Mixin
    PreprocessingOption preprocessing;

    /** Where the scans are, or null if neither option was given. */
    String source(OptionChecks checks) {
        checks.require(images == null || labels == null, "give --images or --labels, not both");
        return images != null ? images : labels;
    }
}
