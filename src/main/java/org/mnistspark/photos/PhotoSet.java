package org.mnistspark.photos;

import java.awt.image.BufferedImage;
import java.util.Random;

/** One generated set of labelled pictures of digits. */
interface PhotoSet {
    /** The set's folder name. */
    String name();

    /** The {@code n}-th picture of {@code digit}; all its randomness comes from {@code random}. */
    BufferedImage render(int digit, int n, Random random);
}
