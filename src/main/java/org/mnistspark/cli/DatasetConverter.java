package org.mnistspark.cli;

import org.mnistspark.idx.Dataset;

/** {@code --dataset mnist|fashion}. */
final class DatasetConverter extends LowerCaseNames<Dataset> {
    DatasetConverter() {
        super(Dataset.class, "data set");
    }
}
