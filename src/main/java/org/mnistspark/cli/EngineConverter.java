package org.mnistspark.cli;

import org.mnistspark.train.Engine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --engine mnist-spark} or {@code --engine dl4j}: an engine by its label. */
final class EngineConverter implements ITypeConverter<Engine> {
    @Override
    public Engine convert(String value) {
        try {
            return Engine.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
