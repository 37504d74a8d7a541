package org.mnistspark.image;

import java.util.regex.Pattern;

/**
 * Tells a decoder's warnings apart. Most mean pixels were lost (a truncated file, a corrupt segment)
 * and the picture would be partly blank; those about colour management (a missing or unusable ICC
 * profile, an Adobe marker that disagrees with the frame) only say the colours are approximate, which
 * a greyscale reading of ink on paper does not care about.
 */
final class DecoderWarning {
    private static final Pattern COLOUR_ONLY = Pattern.compile("ICC|color profile|App14 marker|Colors may look incorrect",
            Pattern.CASE_INSENSITIVE);

    private DecoderWarning() {}

    static boolean losesPixels(String warning) {
        return !COLOUR_ONLY.matcher(warning).find();
    }
}
