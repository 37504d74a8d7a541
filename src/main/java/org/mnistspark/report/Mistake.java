package org.mnistspark.report;

import java.io.Serializable;

/** A test image the model got wrong: its place in the test set, the true and predicted labels, and its pixels (0 paper, 255 ink). */
public record Mistake(long index, int label, int predicted, double confidence, byte[] pixels) implements Serializable {}
