package org.mnistspark.photos;

/** How much of the pixel at (x, y) of a page a layer of ink covers, from 0 (bare paper) to 1. */
@FunctionalInterface
interface Coverage {
    double at(int x, int y);
}
