package org.mnistspark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mnistspark.files.AtomicFile;

/** The benchmark's figures as a console table, {@code bench.json} and {@code bench.md}. */
final class Report {
    private final Ceiling ceiling;
    private final List<Figure> figures;
    private final Pace pace;
    private final AugmentationCost augmentation;
    private final List<SetAccuracy> sets;
    private final Benchmark.Settings settings;
    private final String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    private final Map<String, Object> machine = Machine.describe();

    Report(Ceiling ceiling, List<Figure> figures, Pace pace, List<SetAccuracy> sets, AugmentationCost augmentation,
            Benchmark.Settings settings) {
        this.augmentation = augmentation;
        this.ceiling = ceiling;
        this.figures = figures;
        this.pace = pace;
        this.sets = sets;
        this.settings = settings;
    }

    String table() {
        StringBuilder out = new StringBuilder(String.format("%n%s, %s%n", date, machine.get("summary")));
        out.append(String.format("matrix product (2048², float): %.1f GFLOP/s on %d cores, %.1f a core%n%n",
                ceiling.allCoresGigaflops(), ceiling.cores(), ceiling.gigaflops(1)));
        out.append(String.format("%-72s %9s  %-26s %9s %9s %8s %9s%n", "figure", "images/s", "repeats", "peak RSS", "ceiling", "of it",
                "test acc."));
        for (Figure f : figures) {
            if (!f.measured()) {
                out.append(String.format("%-72s skipped: %s%n", f.label(), f.note()));
                continue;
            }
            out.append(String.format("%-72s %9.1f  %-26s %6.2f GB %9.0f %7.1f%% %9s%n", f.label(), f.median(), repeats(f),
                    f.peakRssBytes() / 1e9, f.ceiling(ceiling.gigaflops(f.threads())), 100 * fraction(f), accuracy(f)));
        }
        out.append('\n').append(paceLine()).append("\n\n").append(augmentationLine()).append("\n\n");
        ratios().forEach((what, ratio) -> out.append(String.format("%-72s %8.2f×%s%n", what, ratio.ofMedians(), ratio.sweeps())));
        out.append('\n').append(setsLine()).append('\n');
        out.append(String.format("%-72s %9s %9s %9s%n", "set", "accuracy", "pictures", "failed"));
        out.append(String.format("%-72s %8.2f%% %9d %9s%n", "MNIST test set", 100 * pace.accuracy(), 10_000, ""));
        for (SetAccuracy set : sets) {
            out.append(String.format("%-72s %8.2f%% %9d %9d%n", set.set(), 100 * set.accuracy(), set.files(), set.failed()));
        }
        return out.toString();
    }

    void write(Path dir) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", date);
        json.put("machine", machine);
        json.put("settings", Map.of("repeats", settings.repeats(), "train_steps", settings.trainSteps(), "photos", settings.photos(),
                "data", settings.mnistDir()));
        json.put("ceiling", Map.of("all_cores_gflops", ceiling.allCoresGigaflops(), "one_core_gflops", ceiling.gigaflops(1),
                "cores", ceiling.cores(), "training_mflop_per_image", Benchmark.TRAINING_MFLOP,
                "inference_mflop_per_image", Benchmark.INFERENCE_MFLOP));
        json.put("figures", figures.stream().map(this::toJson).toList());
        json.put("augmentation_ms_per_minibatch", Map.of("robust", augmentation.defaultMillis(), "every_transformation",
                augmentation.everythingMillis()));
        json.put("pace", Map.of("steps", pace.steps(), "first_fifth_images_per_second", pace.firstFifth(),
                "last_fifth_images_per_second", pace.lastFifth(), "subnormals_in_saved_model", pace.subnormals(),
                "test_accuracy", pace.accuracy()));
        Map<String, Double> ofMedians = new LinkedHashMap<>();
        Map<String, List<Double>> bySweep = new LinkedHashMap<>();
        ratios().forEach((what, ratio) -> {
            ofMedians.put(what, ratio.ofMedians());
            if (!ratio.bySweep().isEmpty()) {
                bySweep.put(what, ratio.bySweep());
            }
        });
        json.put("ratios", ofMedians);
        json.put("ratios_by_sweep", bySweep);
        json.put("photo_sets", Map.of("model", "the pace run's --preset fast model", "pictures_per_digit", settings.setPhotos(),
                "mnist_test_accuracy", pace.accuracy(), "sets", sets.stream().map(set -> Map.of("name", set.set(), "pictures", set.files(),
                        "correct", set.correct(), "failed", set.failed(), "accuracy", set.accuracy())).toList()));
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFile.write(dir.resolve("bench.json"), partial -> mapper.writeValue(partial.toFile(), json));
        AtomicFile.write(dir.resolve("bench.md"), partial -> Files.writeString(partial, markdown()));
    }

    private Map<String, Object> toJson(Figure f) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", f.name());
        json.put("label", f.label());
        if (f.measured()) {
            json.put("median_images_per_second", f.median());
            json.put("repeats_images_per_second", f.imagesPerSecond());
            json.put("peak_rss_mb", f.peakRssBytes() / 1e6);
            json.put("threads", f.threads());
            json.put("ceiling_images_per_second", f.ceiling(ceiling.gigaflops(f.threads())));
            json.put("fraction_of_ceiling", fraction(f));
            json.put("test_accuracy", f.testAccuracy());
            json.put("repeats_test_accuracy", f.testAccuracies());
        }
        json.put("note", f.note());
        return json;
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("# mnist-spark benchmark\n\n");
        md.append(String.format("%s, %s; `./submit.sh bench` with %d sweeps, each measuring every figure once, in turn,"
                + " in processes of their own after their warm-up; medians.%n%n", date, machine.get("summary"),
                settings.repeats()));
        md.append(String.format("Matrix product (2048², float, ND4J's OpenBLAS): %.1f GFLOP/s on %d cores, %.1f a core. Ceilings assume"
                + " %.1f MFLOP per training image and %.1f per scored image; a one-thread figure is held against one core's share.%n%n",
                ceiling.allCoresGigaflops(), ceiling.cores(), ceiling.gigaflops(1), Benchmark.TRAINING_MFLOP, Benchmark.INFERENCE_MFLOP));
        md.append("| figure | images/s | repeats | peak RSS | ceiling | of the ceiling | test accuracy |\n|---|---:|---|---:|---:|---:|---:|\n");
        for (Figure f : figures) {
            if (f.measured()) {
                md.append(String.format("| %s | %.1f | %s | %.2f GB | %.0f | %.1f%% | %s |%n", f.label(), f.median(), repeats(f),
                        f.peakRssBytes() / 1e9, f.ceiling(ceiling.gigaflops(f.threads())), 100 * fraction(f), accuracy(f)));
            } else {
                md.append(String.format("| %s | skipped: %s | | | | | |%n", f.label(), f.note()));
            }
        }
        md.append('\n').append(paceLine()).append("\n\n").append(augmentationLine()).append("\n\n");
        ratios().forEach((what, ratio) -> md.append(String.format("- %s: **%.2f×**%s%n", what, ratio.ofMedians(), ratio.sweeps())));
        figures.stream().filter(f -> f.measured() && !f.note().isEmpty())
                .forEach(f -> md.append(String.format("- %s: %s%n", f.label(), f.note())));
        md.append("\n").append(setsLine()).append("\n\n| set | accuracy | pictures | failed |\n|---|---:|---:|---:|\n");
        md.append(String.format("| MNIST test set | %.2f%% | 10000 | |%n", 100 * pace.accuracy()));
        for (SetAccuracy set : sets) {
            md.append(String.format("| %s | %.2f%% | %d | %d |%n", set.set(), 100 * set.accuracy(), set.files(), set.failed()));
        }
        return md.toString();
    }

    /** The comparisons the figures exist for; those whose figures were skipped are left out. */
    private Map<String, Ratio> ratios() {
        Map<String, Ratio> ratios = new LinkedHashMap<>();
        ratios.put(paceRatioName(), Ratio.of(pace.ratio()));
        Optional<Figure> torch = figures.stream().filter(f -> f.name().startsWith("pytorch") && f.measured())
                .max(Comparator.comparingDouble(Figure::median));
        torch.ifPresent(best -> {
            compare(ratios, "Spark training (averaging every 5) / best PyTorch", "spark-train", best);
            compare(ratios, "Spark training (averaging every 10) / best PyTorch", "spark-train-f10", best);
            compare(ratios, "plain DL4J oneDNN, one thread / best PyTorch", "dl4j-onednn", best);
        });
        figure("spark-train-dl4j-f10").ifPresent(stock -> compare(ratios,
                "Spark training, the project's engine / DL4J's stock training master (averaging every 10)", "spark-train-f10", stock));
        figure("dl4j-side-by-side").ifPresent(plain -> compare(ratios,
                "Spark training (averaging every 10) / plain DL4J processes side by side", "spark-train-f10", plain));
        figure("dl4j-builtin").ifPresent(slow -> compare(ratios, "plain DL4J, oneDNN / built-in convolutions", "dl4j-onednn", slow));
        return ratios;
    }

    /** Adds {@code what}, figure {@code name} against {@code baseline}, where that figure was measured. */
    private void compare(Map<String, Ratio> ratios, String what, String name, Figure baseline) {
        figure(name).ifPresent(f -> ratios.put(what, Ratio.of(f, baseline)));
    }

    private String paceRatioName() {
        return String.format("training pace, last fifth / first fifth of a --preset fast run of %,d steps", pace.steps());
    }

    private String paceLine() {
        return String.format("pace of a --preset fast run of %,d steps: %.1f images/s over its first fifth after a warm-up tenth,"
                + " %.1f over its last fifth; %d subnormal floats in its saved model; test accuracy %.2f%%", pace.steps(),
                pace.firstFifth(), pace.lastFifth(), pace.subnormals(), 100 * pace.accuracy());
    }

    private String augmentationLine() {
        return String.format("augmenting a training minibatch of 50 (CPU time): %.2f ms with --preset robust's settings,"
                + " %.2f ms with every transformation on every image", augmentation.defaultMillis(), augmentation.everythingMillis());
    }

    private String setsLine() {
        return String.format("accuracy of the pace run's model (--preset fast, %,d steps) on the generated photo sets"
                + " (./submit.sh photos, %d of each digit) and, where their file is, on the UCI handwritten digits"
                + " (%s, as ./submit.sh photos --uci-digits writes them: 1,797 by 13 writers, 8x8 scans), label from each picture's folder:",
                pace.steps(), settings.setPhotos(), settings.uciDigits());
    }

    private Optional<Figure> figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name) && f.measured()).findFirst();
    }

    private double fraction(Figure f) {
        return f.median() / f.ceiling(ceiling.gigaflops(f.threads()));
    }

    /** The figure's test accuracy in percent, or nothing where it has none. */
    private static String accuracy(Figure f) {
        return f.testAccuracy() == null ? "" : String.format("%.2f%%", 100 * f.testAccuracy());
    }

    private static String repeats(Figure f) {
        return f.imagesPerSecond().stream().map(v -> String.format("%.1f", v)).collect(Collectors.joining(" "));
    }
}
