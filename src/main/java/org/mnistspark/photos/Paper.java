package org.mnistspark.photos;

import java.util.Random;

/** Light paper as a camera sees it: its grey level, the change of light across the page, and its grain. */
record Paper(double level, double slopeX, double slopeY, double grain) {
    /** Grain of a phone photo of paper: the standard deviation of the noise on each pixel, in grey levels. */
    static final double PHOTO_GRAIN = 4;

    static Paper random(Random random) {
        return new Paper(195 + 45 * random.nextDouble(), 50 * (random.nextDouble() - 0.5), 50 * (random.nextDouble() - 0.5), PHOTO_GRAIN);
    }

    /** The light at (x, y) of a width × height page, grain included. */
    double light(int x, int y, int width, int height, Random random) {
        return level + slopeX * ((double) x / width - 0.5) + slopeY * ((double) y / height - 0.5) + grain * random.nextGaussian();
    }
}
