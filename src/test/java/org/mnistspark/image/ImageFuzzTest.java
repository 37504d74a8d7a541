package org.mnistspark.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes as an image file end, through decoding and every preprocessing mode, as a 28×28 input of
 * values in [0, 1] or as an {@link UnreadableImageException} with a reason: never another exception, a
 * hang, or memory beyond what the declared size allows. The suite runs the inputs under
 * src/test/resources; {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
class ImageFuzzTest {
    /** Smaller than the product's default, so that the fuzzer spends its time on many files, not one huge one. */
    private static final long MAX_PIXELS = 4_000_000;

    @FuzzTest(maxDuration = "5m")
    void anyFileBecomesAnInputOrAReason(byte[] file) {
        ImageDecoder.Decoded decoded;
        try {
            decoded = ImageDecoder.decode(file, MAX_PIXELS);
        } catch (UnreadableImageException unreadable) {
            assertTrue(!unreadable.getMessage().isBlank());
            return;
        }
        assertTrue((long) decoded.grey().width() * decoded.grey().height() <= MAX_PIXELS);
        for (Preprocessing mode : Preprocessing.values()) {
            float[] input;
            try {
                input = mode.apply(decoded.grey(), 28, 28);
            } catch (UnreadableImageException unreadable) {
                assertTrue(!unreadable.getMessage().isBlank());
                continue;
            }
            assertEquals(28 * 28, input.length);
            for (float value : input) {
                assertTrue(value >= 0 && value <= 1, mode + " gave " + value);
            }
        }
    }
}
