package org.mnistspark.cli;

import org.mnistspark.model.Preset;

/** {@code --preset seed|fast|robust}. */
final class PresetConverter extends LowerCaseNames<Preset> {
    PresetConverter() {
        super(Preset.class, "preset");
    }
}
