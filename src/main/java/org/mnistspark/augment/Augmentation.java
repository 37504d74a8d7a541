package org.mnistspark.augment;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How each training image is changed before the network sees it, so that it learns digits rather than
 * MNIST's exact look. Each transformation is applied to an image with its own probability (0: never)
 * and a random strength up to its settings; {@link Augmenter} applies the warps first (affine,
 * proportion, elastic), then pen, blur and noise.
 */
public record Augmentation(Affine affine, Proportion proportion, Pen pen, Elastic elastic, Blur blur, Noise noise) implements Serializable {
    /** Settings recorded before {@code proportion} existed read as trained without it. */
    public Augmentation {
        proportion = proportion == null ? new Proportion(0, 0) : proportion;
    }

    /**
     * A rotation within ±{@code rotationDegrees}, a scale within 1 ± {@code scale}, a horizontal shear
     * (a slant) within ±{@code shear}, and a shift within ±{@code shiftPixels} each way, about the
     * digit's centre of mass.
     */
    public record Affine(double probability, double rotationDegrees, double scale, double shear, double shiftPixels)
            implements Serializable {
        public Affine {
            check(probability, rotationDegrees, shear, shiftPixels);
            if (scale >= 1) {
                throw new IllegalArgumentException("an affine scale must be below 1, not " + scale);
            }
            check(0, scale);
        }
    }

    /**
     * Another writer's proportions: the digit's upper part grown and its lower part shrunk, or the other
     * way round, by up to {@code strength} of its height where they meet (half-way down), its top and
     * bottom rows kept, so an 8's or a 3's two halves, a 9's loop, come out of other sizes.
     */
    public record Proportion(double probability, double strength) implements Serializable {
        public Proportion {
            check(probability, strength);
            // Beyond 1/π the remapping of rows would fold back on itself.
            if (strength > 0.3) {
                throw new IllegalArgumentException("a proportion strength must be at most 0.3, not " + strength);
            }
        }
    }

    /** Bolder or thinner strokes, as other pens draw: a grey-level dilation or erosion mixed in by up to {@code strength} (at most 1). */
    public record Pen(double probability, double strength) implements Serializable {
        public Pen {
            check(probability, strength);
            if (strength > 1) {
                throw new IllegalArgumentException("a pen strength must be at most 1, not " + strength);
            }
        }
    }

    /**
     * Simard, Steinkraus and Platt's elastic distortion (2003): a random displacement field, uniform
     * in [-1, 1] a pixel, smoothed by a Gaussian of {@code sigma} pixels and scaled by {@code alpha}.
     */
    public record Elastic(double probability, double alpha, double sigma) implements Serializable {
        public Elastic {
            check(probability, alpha, sigma);
        }
    }

    /** A scanner's or a lens's softness: a Gaussian blur of up to {@code sigma} pixels. */
    public record Blur(double probability, double sigma) implements Serializable {
        public Blur {
            check(probability, sigma);
        }
    }

    /** A sensor's noise: Gaussian, of up to {@code sigma} grey levels (of 255), on every pixel. */
    public record Noise(double probability, double sigma) implements Serializable {
        public Noise {
            check(probability, sigma);
        }
    }

    /** The transformations, by the names {@code --augment} takes. */
    public enum Transform {
        AFFINE, PROPORTION, PEN, ELASTIC, BLUR, NOISE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Training images as they are. */
    public static final Augmentation NONE = new Augmentation(new Affine(0, 0, 0, 0, 0), new Proportion(0, 0), new Pen(0, 0),
            new Elastic(0, 0, 0), new Blur(0, 0), new Noise(0, 0));

    /**
     * Mild enough to keep MNIST's own test accuracy (99.56% with {@code --preset fast}): a third of
     * the images keep their shape and one in six reaches the network unchanged, the pivot of the
     * affine change is the centre of mass (MNIST centres its digits by it, and so does the photo
     * preprocessing), and the shift is a pixel at most.
     */
    public static final Augmentation DEFAULT = new Augmentation(new Affine(0.5, 12, 0.1, 0.15, 1), new Proportion(0, 0.2),
            new Pen(0.3, 1), new Elastic(0.3, 24, 4), new Blur(0.2, 1), new Noise(0.2, 16));

    /**
     * {@link #DEFAULT} and the proportion change on a quarter of the images: what the presets for scans
     * train on. Generated other hands read better and real ones as well (see the README); on half of the
     * images, the real ones lose a point.
     */
    public static final Augmentation SCANS = DEFAULT.with(Transform.PROPORTION, 0.25);

    /** Every transformation at its own probability, the proportion change on half the images. */
    public static final Augmentation EVERY = DEFAULT.with(Transform.PROPORTION, 0.5);

    /**
     * What {@code --augment} takes: {@code none}, {@code default}, or a comma-separated list of
     * transformations, each at {@link #EVERY}'s strength and probability or {@code =P}, those left
     * out off (e.g. {@code affine,elastic=0.5}).
     */
    public static Augmentation parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("none")) {
            return NONE;
        }
        if (s.equals("default")) {
            return DEFAULT;
        }
        Map<Transform, Double> chosen = new EnumMap<>(Transform.class);
        for (String item : s.split(",", -1)) {
            String[] nameAndP = item.split("=", 2);
            Transform t = Arrays.stream(Transform.values()).filter(x -> x.label().equals(nameAndP[0].strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--augment: unknown transformation '" + item.strip()
                            + "'; give none, default or a list of " + names() + ", each optionally =PROBABILITY"));
            chosen.put(t, nameAndP.length == 1 ? EVERY.probability(t) : probability(t, nameAndP[1].strip()));
        }
        return EVERY.withProbabilities(chosen);
    }

    private static double probability(Transform t, String text) {
        double p;
        try {
            p = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            p = Double.NaN;
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("--augment: the probability of " + t.label() + " must be from 0 to 1, not '" + text + "'");
        }
        return p;
    }

    private static String names() {
        return Arrays.stream(Transform.values()).map(Transform::label).collect(Collectors.joining(", "));
    }

    public double probability(Transform t) {
        return switch (t) {
            case AFFINE -> affine.probability;
            case PROPORTION -> proportion.probability;
            case PEN -> pen.probability;
            case ELASTIC -> elastic.probability;
            case BLUR -> blur.probability;
            case NOISE -> noise.probability;
        };
    }

    /** These strengths, each transformation with its probability in {@code probabilities} or off. */
    public Augmentation withProbabilities(Map<Transform, Double> probabilities) {
        Map<Transform, Double> p = new EnumMap<>(Transform.class);
        for (Transform t : Transform.values()) {
            p.put(t, probabilities.getOrDefault(t, 0.0));
        }
        return new Augmentation(new Affine(p.get(Transform.AFFINE), affine.rotationDegrees, affine.scale, affine.shear, affine.shiftPixels),
                new Proportion(p.get(Transform.PROPORTION), proportion.strength), new Pen(p.get(Transform.PEN), pen.strength),
                new Elastic(p.get(Transform.ELASTIC), elastic.alpha, elastic.sigma), new Blur(p.get(Transform.BLUR), blur.sigma),
                new Noise(p.get(Transform.NOISE), noise.sigma));
    }

    /** These settings with {@code t} applied at probability {@code p}. */
    public Augmentation with(Transform t, double p) {
        Map<Transform, Double> probabilities = new EnumMap<>(Transform.class);
        for (Transform each : Transform.values()) {
            probabilities.put(each, probability(each));
        }
        probabilities.put(t, p);
        return withProbabilities(probabilities);
    }

    /** True when every probability is 0 (not named as a getter, so that Jackson writes no such field to the settings file). */
    public boolean changesNothing() {
        return Arrays.stream(Transform.values()).allMatch(t -> probability(t) == 0);
    }

    /** One line for the console and metrics.json: each transformation that is on, with its probability and strength. */
    public String describe() {
        if (changesNothing()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        append(s, affine.probability, "affine %.2f (rotation ±%.3g°, scale ±%.3g, shear ±%.3g, shift ±%.3g px)",
                affine.rotationDegrees, affine.scale, affine.shear, affine.shiftPixels);
        append(s, proportion.probability, "proportion %.2f (strength %.3g)", proportion.strength);
        append(s, pen.probability, "pen %.2f (strength %.3g)", pen.strength);
        append(s, elastic.probability, "elastic %.2f (alpha %.3g, sigma %.3g px)", elastic.alpha, elastic.sigma);
        append(s, blur.probability, "blur %.2f (sigma up to %.3g px)", blur.sigma);
        append(s, noise.probability, "noise %.2f (sigma up to %.3g grey levels)", noise.sigma);
        return s.toString();
    }

    private static void append(StringBuilder s, double probability, String format, Object... strengths) {
        if (probability > 0) {
            Object[] args = new Object[strengths.length + 1];
            args[0] = probability;
            System.arraycopy(strengths, 0, args, 1, strengths.length);
            s.append(s.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, format, args));
        }
    }

    private static void check(double probability, double... strengths) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("an augmentation probability must be from 0 to 1, not " + probability);
        }
        for (double s : strengths) {
            if (!(s >= 0 && Double.isFinite(s))) {
                throw new IllegalArgumentException("an augmentation strength must be 0 or more, not " + s);
            }
        }
    }
}
