package org.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.mnistspark.idx.MnistFiles.Split;
import org.mnistspark.image.Slant;
import org.mnistspark.model.InputShape;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.TestSpark;

/** MNIST read through the real {@code idx} source on local[2], as it is and upright. */
class LabeledImagesTest {
    private static final int SHOWN = 300;

    @Test
    void uprightDigitsAreTheDigitsWithTheirSlantRemovedOnTheSameField() {
        LabeledImages asTheyAre = LabeledImages.read(TestSpark.session(), TestData.mnist().toString(), Split.TEST, 10, false);
        LabeledImages upright = LabeledImages.read(TestSpark.session(), TestData.mnist().toString(), Split.TEST, 10, true);

        assertEquals(InputShape.MNIST, upright.shape());
        assertEquals(10_000, upright.count());
        List<Row> raw = first(asTheyAre);
        List<Row> straightened = first(upright);
        int changed = 0;
        for (int i = 0; i < SHOWN; i++) {
            byte[] digit = (byte[]) raw.get(i).get(2);
            byte[] read = (byte[]) straightened.get(i).get(2);
            assertEquals(raw.get(i).getInt(1), straightened.get(i).getInt(1), "label of digit " + i);
            assertArrayEquals(Slant.removedInField(digit, 28, 28), read, "digit " + i);
            changed += java.util.Arrays.equals(digit, read) ? 0 : 1;
        }
        assertTrue(changed > SHOWN * 9 / 10, changed + " of " + SHOWN + " digits straightened: MNIST's writers lean");
        assertEquals(28L, upright.frame().schema().apply("image").metadata().getLong("rows"), "the image column keeps its shape");
    }

    private static List<Row> first(LabeledImages images) {
        return images.frame().orderBy("index").limit(SHOWN).collectAsList();
    }
}
