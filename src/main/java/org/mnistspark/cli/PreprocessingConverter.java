package org.mnistspark.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.mnistspark.image.Preprocessing;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Lower-case names on the command line: {@code --preprocess seed}. */
final class PreprocessingConverter implements ITypeConverter<Preprocessing> {
    @Override
    public Preprocessing convert(String value) {
        try {
            return Preprocessing.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("unknown preprocessing '" + value + "'; choose from " + String.join(", ", new Names()));
        }
    }

    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Preprocessing.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
