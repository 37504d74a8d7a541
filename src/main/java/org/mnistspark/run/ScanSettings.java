package org.mnistspark.run;

import org.mnistspark.image.Preprocessing;

/**
 * What a run trains on besides (or instead of) an IDX data set, and where it starts from: {@code images},
 * labelled scans (a folder per class or a CSV of path,label), read with {@code preprocess};
 * {@code imagesWeight}, the share of each minibatch drawn from them when IDX data is mixed in (null: no
 * mixing); {@code testImages}, labelled scans to evaluate on; {@code initModel}, a model whose parameters
 * the run starts from. Every field is null when unused.
 */
public record ScanSettings(String images, Double imagesWeight, String testImages, String initModel, Preprocessing preprocess) {
    public static final ScanSettings NONE = new ScanSettings(null, null, null, null, null);

    /** The preprocessing that made the scans into input: the run's, or {@code score}'s default. */
    public Preprocessing preprocessing() {
        return preprocess == null ? Preprocessing.MNIST : preprocess;
    }
}
