package org.mnistspark.idx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * Any bytes as an IDX image file end as a validated image set whose every record reads back, or as an
 * {@link IdxException} naming the file: never another exception, a hang, or memory beyond what the file
 * holds. The label file beside it holds as many labels as the image file's header declares (up to a
 * bound), so that the fuzzer gets past the count check to the records. The suite runs the inputs under
 * src/test/resources; {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
class IdxFuzzTest {
    private static final Configuration CONF = new Configuration();
    private static final int MAX_LABELS = 1 << 16;

    @FuzzTest(maxDuration = "5m")
    void anyImageFileIsReadOrRefusedByName(byte[] imageFile) throws IOException {
        Path dir = Files.createTempDirectory("idx-fuzz");
        try {
            Path images = Files.write(dir.resolve("fuzz-images-idx3-ubyte"), imageFile);
            Files.write(dir.resolve("fuzz-labels-idx1-ubyte"), labelsFor(imageFile));
            IdxImageSet set;
            try {
                set = IdxImageSet.open(images.toString(), null, CONF);
            } catch (IdxException refused) {
                assertTrue(refused.getMessage().startsWith(images + ": "), refused.getMessage());
                return;
            }
            assertEquals(set.count(), set.read(0, set.count(), CONF).size());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** A valid label file with as many labels as bytes 4 to 8 of the image file say, when they say a small number. */
    private static byte[] labelsFor(byte[] imageFile) {
        int count = imageFile.length >= 8 ? ByteBuffer.wrap(imageFile, 4, 4).getInt() : 0;
        count = count < 0 || count > MAX_LABELS ? 0 : count;
        return ByteBuffer.allocate(8 + count).putInt(IdxHeader.LABELS_MAGIC).putInt(count).array();
    }
}
