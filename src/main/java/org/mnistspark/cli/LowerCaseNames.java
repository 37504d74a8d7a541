package org.mnistspark.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An enum's constants by their lower-case names, as the help lists them ({@code --preset fast}): the
 * option's converter, and its completion candidates for {@code ${COMPLETION-CANDIDATES}}. Any case is
 * accepted; an unknown name is refused with the names to choose from.
 */
abstract class LowerCaseNames<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    private final Class<E> type;
    private final String what;

    LowerCaseNames(Class<E> type, String what) {
        this.type = type;
        this.what = what;
    }

    @Override
    public E convert(String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new TypeConversionException("unknown " + what + " '" + value + "'; choose from " + String.join(", ", this)));
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).iterator();
    }
}
