package org.mnistspark.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnistspark.augment.Augmentation.Transform;

/** The settings as {@code --augment} writes them. */
class AugmentationTest {
    @Test
    void namesPickTransformationsAtTheDefaultStrength() {
        assertEquals(Augmentation.NONE, Augmentation.parse("none"));
        assertEquals(Augmentation.DEFAULT, Augmentation.parse(" Default "));
        assertEquals(Augmentation.DEFAULT, Augmentation.parse("affine,pen,elastic,blur,noise"));
        assertEquals(Augmentation.EVERY, Augmentation.parse("affine,proportion,pen,elastic,blur,noise"));
        assertEquals(0.5, Augmentation.parse("proportion").probability(Transform.PROPORTION));
        Augmentation some = Augmentation.parse("affine,elastic=0.5");
        assertEquals(Augmentation.DEFAULT.affine(), some.affine());
        assertEquals(new Augmentation.Elastic(0.5, Augmentation.DEFAULT.elastic().alpha(), Augmentation.DEFAULT.elastic().sigma()),
                some.elastic());
        assertEquals(0, some.probability(Transform.PROPORTION));
        assertEquals(0, some.probability(Transform.PEN));
        assertEquals(0, some.probability(Transform.BLUR));
        assertEquals(0, some.probability(Transform.NOISE));
        assertEquals(Augmentation.DEFAULT.withProbabilities(Map.of(Transform.AFFINE, 0.5, Transform.ELASTIC, 0.5)), some);
    }

    @Test
    void describesWhatIsOn() {
        assertEquals("none", Augmentation.NONE.describe());
        assertTrue(Augmentation.parse("pen=0").changesNothing());
        assertEquals("affine 0.50 (rotation ±12.0°, scale ±0.100, shear ±0.150, shift ±1.00 px), noise 0.25 (sigma up to 16.0 grey levels)",
                Augmentation.parse("affine,noise=0.25").describe());
    }

    @Test
    void refusesUnknownNamesAndProbabilitiesOutsideZeroToOne() {
        assertEquals("--augment: unknown transformation 'rotate'; give none, default or a list of affine, proportion, pen, elastic, blur, noise,"
                + " each optionally =PROBABILITY", assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("affine,rotate")).getMessage());
        assertEquals("--augment: the probability of blur must be from 0 to 1, not '1.5'",
                assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("blur=1.5")).getMessage());
        assertEquals("--augment: the probability of noise must be from 0 to 1, not 'often'",
                assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("noise=often")).getMessage());
        assertEquals("an augmentation strength must be 0 or more, not -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Augmentation.Blur(0.5, -1)).getMessage());
        assertEquals("a pen strength must be at most 1, not 2.0",
                assertThrows(IllegalArgumentException.class, () -> new Augmentation.Pen(0.5, 2)).getMessage());
    }
}
