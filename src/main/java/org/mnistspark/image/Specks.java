package org.mnistspark.image;

/** Small pieces of ink, the 8-connected parts of a mask smaller than a share of its largest part; and that largest part. */
final class Specks {
    /** A part under this share of the largest is a speck; a digit's own separate strokes (a 5's bar) are larger. */
    static final double SHARE = 0.08;

    private Specks() {}

    /** The pixels of {@code mask} (w × h) that belong to specks. */
    static boolean[] find(boolean[] mask, int w, int h) {
        Parts parts = Parts.of(mask, w, h);
        boolean[] specks = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            specks[i] = parts.id[i] != 0 && parts.sizes[parts.id[i]] < SHARE * parts.sizes[parts.largest];
        }
        return specks;
    }

    /** The pixels of {@code mask}'s largest part (the first found of those as large), none if the mask is empty. */
    static boolean[] largest(boolean[] mask, int w, int h) {
        Parts parts = Parts.of(mask, w, h);
        boolean[] largest = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            largest[i] = parts.largest != 0 && parts.id[i] == parts.largest;
        }
        return largest;
    }

    /** Each pixel's part (1, 2, … in the order found; 0 off the mask), each part's size, and the first largest part. */
    private record Parts(int[] id, int[] sizes, int largest) {
        static Parts of(boolean[] mask, int w, int h) {
            int[] part = new int[mask.length];
            int[] sizes = new int[mask.length + 1];
            int[] stack = new int[mask.length];
            int parts = 0;
            int largest = 0;
            for (int seed = 0; seed < mask.length; seed++) {
                if (!mask[seed] || part[seed] != 0) {
                    continue;
                }
                parts++;
                int top = 0;
                stack[top++] = seed;
                part[seed] = parts;
                while (top > 0) {
                    int p = stack[--top];
                    sizes[parts]++;
                    int x = p % w;
                    int y = p / w;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if (nx >= 0 && ny >= 0 && nx < w && ny < h && mask[ny * w + nx] && part[ny * w + nx] == 0) {
                                part[ny * w + nx] = parts;
                                stack[top++] = ny * w + nx;
                            }
                        }
                    }
                }
                if (sizes[parts] > sizes[largest]) {
                    largest = parts;
                }
            }
            return new Parts(part, sizes, largest);
        }
    }
}
