package org.mnistspark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.mnistspark.photos.PhotoSets;

/** How many pictures of a generated set {@code score} read as the digit their folder names, from its Parquet output. */
record SetAccuracy(String set, long files, long correct, long failed) {

    /** Reads the {@code path} and {@code label} of every row of the Parquet folder {@code scores}, without Spark. */
    static SetAccuracy read(String set, Path scores) throws IOException {
        long files = 0;
        long correct = 0;
        long failed = 0;
        List<Path> parts;
        try (Stream<Path> listing = Files.list(scores)) {
            parts = listing.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        for (Path part : parts) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(part.toUri())).build()) {
                for (Group row = reader.read(); row != null; row = reader.read()) {
                    files++;
                    if (row.getFieldRepetitionCount("label") == 0) {
                        failed++;
                    } else if (row.getInteger("label", 0) == PhotoSets.label(row.getString("path", 0))) {
                        correct++;
                    }
                }
            }
        }
        if (files == 0) {
            throw new IOException(scores + ": no rows");
        }
        return new SetAccuracy(set, files, correct, failed);
    }

    double accuracy() {
        return (double) correct / files;
    }
}
