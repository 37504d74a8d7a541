package org.mnistspark.photos;

/** Ink of one colour (grey levels per channel) laid on the page where its coverage says: a written digit, a printed line. */
record Layer(Coverage coverage, double red, double green, double blue) {
    static Layer grey(Coverage coverage, double level) {
        return new Layer(coverage, level, level, level);
    }
}
