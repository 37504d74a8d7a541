package org.mnistspark.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mnistspark.photos.PhotoSets;
import org.mnistspark.photos.UciDigits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "photos", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Write labelled sets of generated pictures of digits, one folder per digit (DIR/<set>/<digit>/<n>.jpg|png):"
                + " mnist-photo (MNIST test digits photographed on paper), other-writers (digits in other hands, small"
                + " low-resolution scans), pens (ballpoint, felt marker, pencil, blue ink; JPEG-compressed photos) and"
                + " form-boxes (in printed boxes, combed boxes, on ruled and squared paper). The same seed writes the same files."
                + " With --writer, one set instead: writer-W, every digit in that one person's hand, scanned as other-writers."
                + " With --uci-digits, one set instead: uci-digits, real handwriting by 13 writers as 8x8 scans.")
final class PhotosCommand implements Callable<Integer> {
    @Option(names = "--output", paramLabel = "DIR", required = true, description = "Where to write the sets.")
    Path output;

    @Option(names = "--per-class", paramLabel = "N", defaultValue = "100", description = "Pictures of each digit in each set.")
    int perClass;

    @Option(names = "--seed", defaultValue = "42", description = "Fixes every picture.")
    long seed;

    @Option(names = "--writer", paramLabel = "W",
            description = "Write only the set writer-W: one person's hand (style, way of writing each digit, pen), fixed by W;"
                    + " another --seed gives other pictures of the same hand, e.g. to fine-tune on and to check on.")
    Long writer;

    @Option(names = "--uci-digits", paramLabel = "FILE", arity = "0..1", fallbackValue = UciDigits.SKLEARN_COPY_FILE,
            description = "Write only the set uci-digits: the UCI handwritten digits of FILE (64 counts and a label a line, gzipped or not)"
                    + " as 8x8 scans; without FILE, scikit-learn's copy (Debian's python3-sklearn): ${FALLBACK-VALUE}.")
    Path uciDigits;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:MNIST_DIR:-data/mnist}",
            description = "MNIST, whose test digits mnist-photo photographs (env MNIST_DIR).")
    String data;

    @Mixin
    OutputModeOption outputMode;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new OptionChecks(spec).atLeastOne("--per-class", perClass);
        if (uciDigits != null) {
            refuseExisting(output.resolve(UciDigits.NAME));
            int digits = UciDigits.write(uciDigits, output);
            spec.commandLine().getOut().printf("wrote %d digits under %s%n", digits, output.resolve(UciDigits.NAME));
            return 0;
        }
        if (writer != null) {
            Path set = output.resolve(PhotoSets.oneWriterSet(writer));
            refuseExisting(set);
            PhotoSets.writeOneWriter(writer, output, perClass, seed);
            spec.commandLine().getOut().printf("wrote %d pictures of each digit in one hand under %s%n", perClass, set);
            return 0;
        }
        List<String> present = PhotoSets.present(output);
        if (!present.isEmpty() && !outputMode.overwrite()) {
            throw new IllegalArgumentException(output + ": already holds photo sets (" + String.join(", ", present)
                    + "); write into another --output or add --mode overwrite");
        }
        PhotoSets.write(data, output, perClass, seed);
        spec.commandLine().getOut().printf("wrote %d pictures of each digit in each of %s under %s%n", perClass,
                String.join(", ", PhotoSets.NAMES), output);
        return 0;
    }

    private void refuseExisting(Path set) {
        if (Files.exists(set) && !outputMode.overwrite()) {
            throw new IllegalArgumentException(set + ": already exists; write into another --output or add --mode overwrite");
        }
    }
}
