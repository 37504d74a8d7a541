package org.mnistspark.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Printed lines around a digit: the box it was written in, the rules of ruled or squared paper. They
 * are ink to the eye but paper to the reader, so they are found and cleared before the digit's box and
 * centre of mass are taken.
 *
 * <p>A line is a run of ink along a row (or column) far longer than a digit's strokes: across nearly the
 * whole picture, or across most of it near an edge, where a box's sides lie. A run counts the rows either
 * side of it, so a line a little off the horizontal stays one run, and bridges gaps of a few pixels (a
 * faint or JPEG-broken rule). A tightly cropped digit has such runs too (a 7's bar, a 1's stem), so
 * horizontal runs are lines only if they go on past the rest of the ink at both ends (or reach the
 * picture's edge where the digit runs off it, or close a box with vertical runs: a digit that fills its
 * box reaches the box's sides), and there are two
 * of them far apart (a box's top and bottom, rules), or vertical runs end on them near both their ends
 * (a box's sides, a comb's teeth), or one is far longer than the rest of the ink is tall; vertical runs only alongside accepted horizontal ones,
 * across the whole picture (squared paper) or, near an edge, meeting one of them (a box's side, a comb's
 * tooth). Ink clearly darker than the lines' own stays: a pen stroke along a pale rule. With no line
 * found the picture is left exactly as it was.
 */
final class FormLines {
    /** Near an edge: within this share of the picture's side from it. */
    private static final double EDGE_BAND = 0.12;
    /** A horizontal run near the top or bottom at least this share of the width long may be a box's side. */
    private static final double FRAME = 0.75;
    /** A run at least this share of the picture's side long crosses it: a rule. */
    private static final double ACROSS = 0.9;
    /** A vertical run near an edge at least this share of the height long may be a box's side or a comb's tooth. */
    private static final double TOOTH = 0.3;
    /** Two horizontal lines at least this share of the height apart are a frame or rules, not one stroke. */
    private static final double APART = 0.25;
    /** A single horizontal line is a rule only if this many times longer than the other ink is tall. */
    private static final double LONGER_THAN_DIGIT = 1.5;
    /** Near a line's end: within this share of its length from it. */
    private static final double FRAME_END = 0.15;
    /** In pixels: in a smaller picture a printed frame cannot be told from a digit's strokes, so none is looked for. */
    private static final int MIN_LENGTH = 24;
    /** Gaps a run bridges, and how near a vertical line's end must come to a horizontal one, in pixels. */
    private static final int GAP = 2;
    private static final int MEETS = 3;
    /** Ink this many times the lines' own level is a stroke's, not a line's. */
    private static final float STROKE_OVER_LINE = 1.3f;

    private record Run(int line, int start, int end) {
        int length() {
            return end - start + 1;
        }
    }

    private FormLines() {}

    /** The pixels of printed lines to clear, where {@code ink} reaches {@code threshold}; null where there are none. */
    static boolean[] find(GreyImage ink, float threshold) {
        int w = ink.width();
        int h = ink.height();
        boolean[] mask = new boolean[w * h];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = ink.luminance()[i] >= threshold;
        }
        List<Run> across = new ArrayList<>();
        for (Run run : longRuns(mask, w, h, Math.max(MIN_LENGTH, (int) Math.ceil(FRAME * w)))) {
            if (run.length() >= ACROSS * w || nearEdge(run.line(), h)) {
                across.add(run);
            }
        }
        if (across.isEmpty()) {
            return null;
        }
        List<Run> down = new ArrayList<>();
        for (Run run : longRuns(transposed(mask, w, h), h, w, Math.max(MIN_LENGTH, (int) Math.ceil(TOOTH * h)))) {
            if (run.length() >= ACROSS * h || nearEdge(run.line(), w)) {
                down.add(run);
            }
        }
        boolean[] candidates = new boolean[w * h];
        mark(candidates, across, w, false);
        mark(candidates, down, w, true);
        int[] rest = restBox(mask, candidates, w, h);
        if (rest == null) {
            return null;
        }
        // A tightly cropped digit's strokes end where the rest of it does; a box or a rule goes on past the digit.
        // Where the digit runs off the picture, a line there can only reach the edge with it.
        boolean offLeft = rest[0] <= GAP;
        boolean offRight = rest[1] >= w - 1 - GAP;
        Stream<Run> pastTheDigit = across.stream().filter(r -> (r.start() < rest[0] - GAP || offLeft && r.start() <= GAP)
                && (r.end() > rest[1] + GAP || offRight && r.end() >= w - 1 - GAP));
        List<Run> past = Stream.concat(pastTheDigit, closedBox(across, down, h).stream()).distinct().toList();
        if (past.isEmpty()) {
            return null;
        }
        int top = past.stream().mapToInt(Run::line).min().orElseThrow();
        int bottom = past.stream().mapToInt(Run::line).max().orElseThrow();
        boolean apart = bottom - top >= APART * h;
        int restHeight = rest[3] - rest[2] + 1;
        List<Run> lines = past.stream().filter(r -> apart || r.length() >= LONGER_THAN_DIGIT * restHeight || framed(r, down)).toList();
        if (lines.isEmpty()) {
            return null;
        }
        List<Run> sides = down.stream().filter(r -> r.length() >= ACROSS * h || meets(r, lines)).toList();
        boolean[] horizontal = new boolean[w * h];
        mark(horizontal, lines, w, false);
        boolean[] vertical = new boolean[w * h];
        mark(vertical, sides, w, true);
        // Each direction's lines are cleared where the ink is not the other direction's lines, so a grid's crossings go too.
        boolean[] clear = clearing(without(mask, vertical), lines, w, h);
        boolean[] clearDown = transposed(clearing(transposed(without(mask, horizontal), w, h), sides, h, w), h, w);
        for (int i = 0; i < clear.length; i++) {
            clear[i] |= clearDown[i];
        }
        spareDarkerInk(ink, clear, threshold);
        return clear;
    }

    /**
     * Takes out of {@code clear} the pixels of clearly darker ink than the lines' own (their 90th
     * percentile): a pen stroke running along or across a pale rule is the digit's, not the paper's.
     */
    private static void spareDarkerInk(GreyImage ink, boolean[] clear, float threshold) {
        float[] v = ink.luminance();
        Levels levels = new Levels();
        for (int i = 0; i < clear.length; i++) {
            if (clear[i] && v[i] >= threshold) {
                levels.add(v[i]);
            }
        }
        float darker = STROKE_OVER_LINE * levels.quantile(0.9);
        for (int i = 0; i < clear.length; i++) {
            clear[i] &= v[i] <= darker;
        }
    }

    /**
     * Which pixels of the horizontal lines found as {@code runs} to clear, column by column: all of the
     * line where nothing meets it, only its own rows where a stroke meets it from one side (a digit
     * resting on a rule, a bar along a box's top), none where a stroke crosses it (ink beyond it on
     * both sides).
     */
    private static boolean[] clearing(boolean[] ink, List<Run> runs, int w, int h) {
        boolean[] clear = new boolean[w * h];
        for (Line line : Line.of(runs)) {
            for (int x = line.left(); x <= line.right(); x++) {
                boolean above = line.top() > 0 && ink[(line.top() - 1) * w + x];
                boolean below = line.bottom() + 1 < h && ink[(line.bottom() + 1) * w + x];
                if (above && below) {
                    continue;
                }
                // The runs' rows are the line's own and one either side: runs count the neighbouring rows.
                boolean met = above || below;
                int from = met ? Math.min(line.top() + 1, line.bottom()) : line.top();
                int to = met ? Math.max(line.bottom() - 1, line.top()) : line.bottom();
                for (int y = from; y <= to; y++) {
                    clear[y * w + x] = true;
                }
            }
        }
        return clear;
    }

    /** A horizontal line: the runs of adjacent rows taken together. */
    private record Line(int top, int bottom, int left, int right) {
        static List<Line> of(List<Run> runs) {
            List<Run> sorted = new ArrayList<>(runs);
            sorted.sort(Comparator.comparingInt(Run::line));
            List<Line> lines = new ArrayList<>();
            int i = 0;
            while (i < sorted.size()) {
                Run first = sorted.get(i);
                int bottom = first.line();
                int left = first.start();
                int right = first.end();
                for (i++; i < sorted.size() && sorted.get(i).line() <= bottom + 1; i++) {
                    bottom = sorted.get(i).line();
                    left = Math.min(left, sorted.get(i).start());
                    right = Math.max(right, sorted.get(i).end());
                }
                lines.add(new Line(first.line(), bottom, left, right));
            }
            return lines;
        }
    }

    private static boolean[] without(boolean[] mask, boolean[] taken) {
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mask[i] && !taken[i];
        }
        return out;
    }

    /** {@code ink} with the pixels of {@code lines} set to 0. */
    static GreyImage cleared(GreyImage ink, boolean[] lines) {
        float[] out = ink.luminance().clone();
        for (int i = 0; i < out.length; i++) {
            if (lines[i]) {
                out[i] = 0;
            }
        }
        return new GreyImage(ink.width(), ink.height(), out);
    }

    /** {@code ink} without the specks clearing lines leaves: the ends of strokes cut off by a rule, line edges. */
    static GreyImage withoutSpecks(GreyImage ink) {
        boolean[] mask = new boolean[ink.luminance().length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = ink.luminance()[i] > 0;
        }
        return cleared(ink, Specks.find(mask, ink.width(), ink.height()));
    }

    private static boolean nearEdge(int line, int side) {
        return line < EDGE_BAND * side || line >= (1 - EDGE_BAND) * side;
    }

    /**
     * The top and bottom of a closed box: horizontal runs far apart, each with vertical runs ending on it
     * near both its ends. A digit that fills its box reaches the box's sides, so its lines go no further
     * than the digit does; a digit's strokes hardly ever close a rectangle of such lines.
     */
    private static List<Run> closedBox(List<Run> across, List<Run> down, int h) {
        List<Run> framed = across.stream().filter(r -> framed(r, down)).toList();
        int top = framed.stream().mapToInt(Run::line).min().orElse(0);
        int bottom = framed.stream().mapToInt(Run::line).max().orElse(0);
        return bottom - top >= APART * h ? framed : List.of();
    }

    /** Whether vertical runs end on a horizontal one near both its ends: a box's sides, a comb's outer teeth. */
    private static boolean framed(Run line, List<Run> down) {
        double end = FRAME_END * line.length();
        List<Run> meeting = down.stream().filter(v -> meets(v, List.of(line))).toList();
        return meeting.stream().anyMatch(v -> v.line() <= line.start() + end) && meeting.stream().anyMatch(v -> v.line() >= line.end() - end);
    }

    /** Whether a vertical run ends on one of the horizontal lines, as a box's side or a comb's tooth does. */
    private static boolean meets(Run vertical, List<Run> lines) {
        for (Run line : lines) {
            boolean atAnEnd = Math.abs(line.line() - vertical.start()) <= MEETS || Math.abs(line.line() - vertical.end()) <= MEETS;
            if (atAnEnd && vertical.line() >= line.start() - MEETS && vertical.line() <= line.end() + MEETS) {
                return true;
            }
        }
        return false;
    }

    /**
     * The box {left, right, top, bottom} of what is left of the ink once the candidate lines and the
     * specks they leave are taken away: the digit, if they are lines; null if nothing is left.
     */
    private static int[] restBox(boolean[] mask, boolean[] candidates, int w, int h) {
        boolean[] rest = without(mask, candidates);
        boolean[] specks = Specks.find(rest, w, h);
        int[] box = {w, -1, h, -1};
        for (int i = 0; i < rest.length; i++) {
            if (rest[i] && !specks[i]) {
                box[0] = Math.min(box[0], i % w);
                box[1] = Math.max(box[1], i % w);
                box[2] = Math.min(box[2], i / w);
                box[3] = Math.max(box[3], i / w);
            }
        }
        return box[1] < 0 ? null : box;
    }

    /**
     * The runs along each row at least {@code minLength} long, bridging gaps of up to {@link #GAP}
     * pixels; a row counts the ink of the rows either side of it.
     */
    private static List<Run> longRuns(boolean[] mask, int w, int h, int minLength) {
        List<Run> runs = new ArrayList<>();
        boolean[] band = new boolean[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                band[x] = mask[y * w + x] || y > 0 && mask[(y - 1) * w + x] || y + 1 < h && mask[(y + 1) * w + x];
            }
            int x = 0;
            while (x < w) {
                if (!band[x]) {
                    x++;
                    continue;
                }
                int start = x;
                int end = x;
                for (int gap = 0; x < w && gap <= GAP; x++) {
                    if (band[x]) {
                        end = x;
                        gap = 0;
                    } else {
                        gap++;
                    }
                }
                x = end + 1;
                if (end - start + 1 >= minLength) {
                    runs.add(new Run(y, start, end));
                }
            }
        }
        return runs;
    }

    /** Sets the pixels of {@code runs}: along rows, or along columns if they were found in the transposed mask. */
    private static void mark(boolean[] pixels, List<Run> runs, int w, boolean columns) {
        for (Run run : runs) {
            for (int p = run.start(); p <= run.end(); p++) {
                pixels[columns ? p * w + run.line() : run.line() * w + p] = true;
            }
        }
    }

    private static boolean[] transposed(boolean[] mask, int w, int h) {
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[x * h + y] = mask[y * w + x];
            }
        }
        return out;
    }
}
