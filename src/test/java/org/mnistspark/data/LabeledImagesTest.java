package org.mnistspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.mnistspark.idx.MnistFiles.Split;
import org.mnistspark.model.InputShape;
import org.mnistspark.testing.TestData;
import org.mnistspark.testing.TestSpark;

/** A split read on local[2], as it is and upright, as training and evaluation read it. */
class LabeledImagesTest {
    private static final int SHOWN = 300;

    @Test
    void readsTheDigitsUprightWhenAsked() {
        LabeledImages asTheyAre = LabeledImages.read(TestSpark.session(), TestData.mnist().toString(), Split.TEST, 10, false);
        LabeledImages upright = LabeledImages.read(TestSpark.session(), TestData.mnist().toString(), Split.TEST, 10, true);

        assertEquals(InputShape.MNIST, upright.shape());
        assertEquals(10_000, upright.count());
        List<Row> raw = first(asTheyAre);
        List<Row> straightened = first(upright);
        int changed = 0;
        for (int i = 0; i < SHOWN; i++) {
            changed += Arrays.equals((byte[]) raw.get(i).get(2), (byte[]) straightened.get(i).get(2)) ? 0 : 1;
        }
        assertTrue(changed > SHOWN * 9 / 10, changed + " of " + SHOWN + " digits straightened");
    }

    private static List<Row> first(LabeledImages images) {
        return images.frame().orderBy("index").limit(SHOWN).collectAsList();
    }
}
