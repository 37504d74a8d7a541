package org.mnistspark.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void expectedCalibrationErrorOfAHandMadeExample() {
        Calibration c = Calibration.empty();
        // Bin (14/15, 1]: confidences 0.95, 0.99, 1.0, two right: mean confidence 0.98, accuracy 2/3.
        c.add(0.95, true);
        c.add(0.99, false);
        c.add(1.0, true);
        // Bin (8/15, 9/15]: 0.55 and 0.6 (an upper edge belongs to its bin), both right: 0.575 against 1.
        c.add(0.55, true);
        c.add(0.6, true);
        // Bin (3/15, 4/15]: 0.25, wrong: 0.25 against 0.
        c.add(0.25, false);

        // (3·|2/3 − 0.98| + 2·|1 − 0.575| + 1·|0 − 0.25|) / 6
        double expected = (3 * (0.98 - 2.0 / 3) + 2 * 0.425 + 0.25) / 6;
        assertEquals(expected, c.expectedCalibrationError(), 1e-12);
        assertEquals(3, c.counts()[14]);
        assertEquals(2, c.counts()[8]);
        assertEquals(1, c.counts()[3]);
        assertEquals(6, java.util.Arrays.stream(c.counts()).sum());
    }

    @Test
    void partitionsAddUpToTheWholeSet() {
        double[] confidences = {0.12, 0.5, 0.51, 0.93, 0.97, 0.999, 0.7, 0.34};
        boolean[] right = {false, true, false, true, true, true, false, true};
        Calibration whole = Calibration.empty();
        Calibration first = Calibration.empty();
        Calibration second = Calibration.empty();
        for (int i = 0; i < confidences.length; i++) {
            whole.add(confidences[i], right[i]);
            (i < 3 ? first : second).add(confidences[i], right[i]);
        }

        Calibration merged = first.plus(second);

        assertArrayEquals(whole.counts(), merged.counts());
        assertArrayEquals(whole.correct(), merged.correct());
        assertArrayEquals(whole.confidenceSums(), merged.confidenceSums(), 1e-12);
        assertEquals(whole.expectedCalibrationError(), merged.expectedCalibrationError(), 1e-12);
    }

    @Test
    void jsonHasEveryBinAndNoMeanForAnEmptyOne() {
        Calibration c = Calibration.empty();
        c.add(0.9, true);
        c.add(0.9, false);
        Map<String, Object> json = c.toJson();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bins = (List<Map<String, Object>>) json.get("bins");
        assertEquals(Calibration.BINS, bins.size());
        Map<String, Object> full = bins.get(Calibration.bin(0.9));
        assertEquals(2L, full.get("count"));
        assertEquals(0.9, (double) full.get("mean_confidence"), 1e-12);
        assertEquals(0.5, (double) full.get("accuracy"), 1e-12);
        assertNull(bins.get(0).get("accuracy"));
        assertEquals(0.4, (double) json.get("expected_calibration_error"), 1e-12);
        assertEquals(0.0, Calibration.empty().expectedCalibrationError());
    }
}
