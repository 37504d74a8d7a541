package org.mnistspark.model;

import java.io.Serializable;

/** What a model reads and predicts: rows × cols greyscale images in [0, 1], one of {@code classes} labels. */
public record InputShape(int rows, int cols, int classes) implements Serializable {
    public static final InputShape MNIST = new InputShape(28, 28, 10);

    public int pixels() {
        return rows * cols;
    }

    @Override
    public String toString() {
        return rows + "x" + cols + " images, " + classes + " classes";
    }
}
