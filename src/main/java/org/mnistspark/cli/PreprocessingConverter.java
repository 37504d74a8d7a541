package org.mnistspark.cli;

import org.mnistspark.image.Preprocessing;

/** {@code --preprocess mnist|seed}. */
final class PreprocessingConverter extends LowerCaseNames<Preprocessing> {
    PreprocessingConverter() {
        super(Preprocessing.class, "preprocessing");
    }
}
