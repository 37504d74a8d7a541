package org.mnistspark.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Minibatches through the whole augmentation: a function of the seed, the step and the position alone, and cheap. */
class AugmenterTest {
    private static final int SIDE = 28;
    private static final int SIZE = SIDE * SIDE;

    /** 50 blurry random blobs: ink on blank paper, like digits to every transformation. */
    private static byte[] minibatch() {
        Random random = new Random(7);
        byte[] pixels = new byte[50 * SIZE];
        for (int n = 0; n < 50; n++) {
            int cx = 10 + random.nextInt(8);
            int cy = 10 + random.nextInt(8);
            for (int i = 0; i < SIZE; i++) {
                double r = Math.hypot(i % SIDE - cx, i / SIDE - cy);
                pixels[n * SIZE + i] = (byte) (r < 6 && r > 3 ? 255 : 0);
            }
        }
        return pixels;
    }

    private static Augmenter everything(long seed) {
        return new Augmenter(Augmentation.parse("affine=1,proportion=1,pen=1,elastic=1,blur=1,noise=1"), SIDE, SIDE, seed);
    }

    @Test
    void noAugmentationHandsBackTheSameBytes() {
        byte[] batch = minibatch();
        assertSame(batch, new Augmenter(Augmentation.NONE, SIDE, SIDE, 42).apply(batch, 5));
    }

    @Test
    void everyTransformationAtZeroStrengthLeavesTheImagesAsTheyWere() {
        Augmentation zero = new Augmentation(new Augmentation.Affine(1, 0, 0, 0, 0), new Augmentation.Proportion(1, 0), new Augmentation.Pen(1, 0),
                new Augmentation.Elastic(1, 0, 4), new Augmentation.Blur(1, 0), new Augmentation.Noise(1, 0));
        byte[] batch = minibatch();
        assertArrayEquals(batch, new Augmenter(zero, SIDE, SIDE, 42).apply(batch, 5));
    }

    @Test
    void theSameSeedAndStepGiveTheSameBytesAndAnotherStepOthers() {
        byte[] batch = minibatch();
        byte[] once = everything(42).apply(batch, 1000);
        assertEquals(batch.length, once.length);
        assertArrayEquals(once, everything(42).apply(batch.clone(), 1000), "a rerun of the step");
        assertFalse(Arrays.equals(once, everything(42).apply(batch, 1001)), "the next step");
        assertFalse(Arrays.equals(once, everything(43).apply(batch, 1000)), "another run's seed");
        assertFalse(Arrays.equals(batch, once), "nothing changed");
    }

    @Test
    void anImagesChangeDependsOnItsPositionNotOnTheRestOfTheMinibatch() {
        byte[] batch = minibatch();
        byte[] twice = new byte[2 * SIZE];
        System.arraycopy(batch, 0, twice, 0, SIZE);
        System.arraycopy(batch, 0, twice, SIZE, SIZE);
        byte[] out = everything(42).apply(twice, 9);
        assertFalse(Arrays.equals(Arrays.copyOfRange(out, 0, SIZE), Arrays.copyOfRange(out, SIZE, 2 * SIZE)),
                "one image at two positions changed alike");
        assertArrayEquals(Arrays.copyOfRange(everything(42).apply(batch, 9), 0, SIZE), Arrays.copyOfRange(out, 0, SIZE));
    }

    @Test
    void eachTransformationIsAppliedAboutAsOftenAsItsProbability() {
        byte[] batch = minibatch();
        Augmenter pen = new Augmenter(Augmentation.parse("pen=0.3"), SIDE, SIDE, 42);
        int changed = 0;
        for (long step = 0; step < 20; step++) {
            byte[] out = pen.apply(batch, step);
            for (int n = 0; n < 50; n++) {
                changed += Arrays.equals(Arrays.copyOfRange(out, n * SIZE, (n + 1) * SIZE), Arrays.copyOfRange(batch, n * SIZE, (n + 1) * SIZE))
                        ? 0 : 1;
            }
        }
        assertEquals(0.3, changed / 1000.0, 0.05);
    }

    @Test
    void travelsToExecutorsWhole() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(everything(42));
        }
        Augmenter copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Augmenter) in.readObject();
        }
        assertArrayEquals(everything(42).apply(minibatch(), 3), copy.apply(minibatch(), 3));
    }

    @Test
    void refusesBytesThatAreNotWholeImages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> everything(1).apply(new byte[SIZE + 1], 0));
        assertEquals("785 bytes are not whole images of 28×28", e.getMessage());
    }
}
