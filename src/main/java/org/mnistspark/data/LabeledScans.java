package org.mnistspark.data;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;
import org.mnistspark.image.ImageDecoder;
import org.mnistspark.image.ImageFile;
import org.mnistspark.image.Preprocessing;
import org.mnistspark.image.UnreadableImageException;
import org.mnistspark.model.InputShape;

/**
 * Labelled scans of digits, from a folder per class ({@code DIR/0/…}, …, {@code DIR/9/…}, as torchvision's
 * ImageFolder and Keras' image_dataset_from_directory lay them out) or from a CSV file of {@code path,label}
 * rows (paths relative to the CSV's folder, or absolute; any file system Hadoop reads). Each file is
 * decoded and preprocessed on the executors exactly as {@code score} does, then kept as bytes
 * ({@code round(255·x)}) in the same frame as an IDX split ({@code index, label, image}), so training and
 * evaluation take it like MNIST. A file that cannot be a labelled example is skipped with its reason.
 * {@code paths} gives each example's file by its {@code index}.
 */
public record LabeledScans(String source, LabeledImages images, List<String> paths, List<Skipped> skipped, long[] perClass) {
    /** Files per Spark task, as scoring uses. */
    private static final int FILES_PER_TASK = 250;
    /**
     * The most image bytes a task of the scans' frame carries: the decoded images are on the driver, so
     * they travel inside the tasks, and Spark warns of tasks over 1,000 KiB (5,000 scans on two cores made 2 MiB tasks).
     */
    private static final int TASK_BYTES = 512 * 1024;
    /** Skipped files printed to the console; all of them go into the JSON. */
    private static final int SKIPPED_PRINTED = 20;
    private static final StructType SCHEMA = new StructType()
            .add("index", DataTypes.LongType, false)
            .add("label", DataTypes.IntegerType, false)
            .add("image", DataTypes.BinaryType, false);

    /** A file left out, and why. */
    public record Skipped(String path, String reason) implements Serializable {}

    /** A file to read, with its label, or the reason it cannot be an example whatever it holds. */
    private record Candidate(long index, String path, int label, String problem) implements Serializable {}

    /** What an executor made of a candidate: the model input as bytes, or why there is none. */
    private record Read(long index, int label, byte[] pixels, String problem) implements Serializable {}

    /**
     * Reads {@code source}, a folder per class or a CSV file, into {@code shape}'s images. Fails, naming
     * {@code source}, when it does not exist or holds no usable image.
     */
    public static LabeledScans read(SparkSession spark, String source, Preprocessing preprocessing, InputShape shape) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Candidate> candidates = list(source, shape.classes(), conf);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SerializableConfiguration hadoop = new SerializableConfiguration(conf);
        List<Candidate> toRead = candidates.stream().filter(c -> c.problem() == null).toList();
        List<Read> reads = new ArrayList<>();
        if (!toRead.isEmpty()) {
            int tasks = Math.max(1, Math.min(toRead.size(), Math.max(sc.defaultParallelism(), (toRead.size() + FILES_PER_TASK - 1) / FILES_PER_TASK)));
            sc.setJobDescription(String.format("read %,d labelled images under %s", toRead.size(), source));
            try {
                reads.addAll(sc.parallelize(toRead, tasks).map(c -> input(c, hadoop, preprocessing, shape)).collect());
            } finally {
                sc.setJobDescription(null);
            }
        }
        List<String> paths = candidates.stream().map(Candidate::path).toList();
        List<Skipped> skipped = new ArrayList<>();
        candidates.stream().filter(c -> c.problem() != null).forEach(c -> skipped.add(new Skipped(c.path(), c.problem())));
        List<Row> rows = new ArrayList<>();
        long[] perClass = new long[shape.classes()];
        for (Read r : reads) {
            if (r.problem() != null) {
                skipped.add(new Skipped(paths.get((int) r.index()), r.problem()));
            } else {
                rows.add(RowFactory.create(r.index(), r.label(), r.pixels()));
                perClass[r.label()]++;
            }
        }
        skipped.sort(Comparator.comparing(Skipped::path));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(candidates.isEmpty()
                    ? source + ": no image files; expected a folder per digit (" + new Path(source, "0") + "/…, " + new Path(source, "9")
                            + "/…) or a CSV file of path,label rows"
                    : String.format("%s: none of its %d files is a usable labelled image (%s: %s)", source, candidates.size(),
                            skipped.get(0).path(), skipped.get(0).reason()));
        }
        int perTask = Math.max(1, TASK_BYTES / (shape.rows() * shape.cols()));
        int slices = Math.max(sc.defaultParallelism(), (rows.size() + perTask - 1) / perTask);
        Dataset<Row> frame = spark.createDataFrame(sc.parallelize(rows, slices), SCHEMA);
        return new LabeledScans(source, new LabeledImages(source, source, frame, shape, rows.size()), paths, List.copyOf(skipped), perClass);
    }

    /** The files under {@code source}, each with its label or its problem, in a stable order: their indices. */
    private static List<Candidate> list(String source, int classes, Configuration conf) {
        Path root = new Path(source);
        List<Candidate> found = new ArrayList<>();
        try {
            FileSystem fs = root.getFileSystem(conf);
            FileStatus status = fs.getFileStatus(root);
            if (status.isDirectory()) {
                for (FileStatus child : sorted(fs.listStatus(root))) {
                    String label = child.getPath().getName();
                    if (isHidden(label)) {
                        continue;
                    }
                    int digit = digit(label, classes);
                    String problem = child.isFile() ? "not in a class folder (0-" + (classes - 1) + ")"
                            : digit < 0 ? "in folder '" + label + "', not a class folder (0-" + (classes - 1) + ")" : null;
                    addFiles(fs, child, digit, problem, found);
                }
            } else {
                readCsv(fs, root, classes, found);
            }
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(source + ": no such file or directory");
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read: " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * Every file under {@code entry}, recursively, with {@code label} or {@code problem}; hidden files (a
     * leading dot or underscore, as Hadoop's inputs skip them) are no one's example.
     */
    private static void addFiles(FileSystem fs, FileStatus entry, int label, String problem, List<Candidate> found) throws IOException {
        if (entry.isDirectory()) {
            for (FileStatus child : sorted(fs.listStatus(entry.getPath()))) {
                if (!isHidden(child.getPath().getName())) {
                    addFiles(fs, child, label, problem, found);
                }
            }
        } else {
            found.add(new Candidate(found.size(), entry.getPath().toString(), label, problem));
        }
    }

    /** {@code path,label} rows; the first row is a header if its label is not a number. Paths may hold commas, labels not. */
    private static void readCsv(FileSystem fs, Path csv, int classes, List<Candidate> found) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(csv), StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.lastIndexOf(',');
                String path = comma < 0 ? line.strip() : unquoted(line.substring(0, comma).strip());
                String label = comma < 0 ? "" : unquoted(line.substring(comma + 1).strip());
                if (lineNumber == 1 && !label.matches("-?\\d+")) {
                    continue;
                }
                // A relative path is relative to the CSV's folder; an absolute one or a URI stays as it is.
                String file = path.isEmpty() ? csv + ", line " + lineNumber : new Path(csv.getParent(), path).toString();
                String problem = path.isEmpty() ? "no path"
                        : comma < 0 ? "no label (expected path,label)"
                        : digit(label, classes) < 0 ? "label '" + label + "' is not a class (0-" + (classes - 1) + ")" : null;
                found.add(new Candidate(found.size(), file, problem == null ? digit(label, classes) : -1, problem));
            }
        }
    }

    private static String unquoted(String field) {
        return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }

    /** The class a name stands for, or -1: a whole number from 0 to classes - 1. */
    private static int digit(String name, int classes) {
        if (!name.matches("\\d{1,9}")) {
            return -1;
        }
        int value = Integer.parseInt(name);
        return value < classes ? value : -1;
    }

    private static boolean isHidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    private static List<FileStatus> sorted(FileStatus[] entries) {
        List<FileStatus> list = new ArrayList<>(List.of(entries));
        list.sort(Comparator.comparing(s -> s.getPath().getName()));
        return list;
    }

    /** On an executor: the file as model input, in bytes, exactly as {@code score} would feed it to the model. */
    private static Read input(Candidate c, SerializableConfiguration hadoop, Preprocessing preprocessing, InputShape shape) {
        try {
            ImageDecoder.Decoded image = ImageDecoder.decode(ImageFile.read(c.path(), hadoop.value(), ImageFile.DEFAULT_MAX_BYTES),
                    ImageDecoder.DEFAULT_MAX_PIXELS);
            float[] input = preprocessing.apply(image.grey(), shape.rows(), shape.cols());
            byte[] pixels = Batch.quantized(input);
            boolean ink = false;
            for (byte pixel : pixels) {
                ink |= pixel != 0;
            }
            // A blank input teaches nothing but "blank is this digit"; the mnist mode refuses it itself.
            return ink ? new Read(c.index(), c.label(), pixels, null) : new Read(c.index(), c.label(), null, "no ink found: the picture is blank");
        } catch (UnreadableImageException e) {
            return new Read(c.index(), c.label(), null, e.getMessage());
        }
    }

    /** Files listed, used and skipped, the examples per class, then the first skipped files with their reasons. */
    public String describe() {
        StringBuilder out = new StringBuilder(String.format("%s: %d files, %d used, %d skipped; per class:", source, paths.size(),
                images.count(), skipped.size()));
        for (int c = 0; c < perClass.length; c++) {
            out.append(String.format(" %d: %d", c, perClass[c]));
        }
        out.append('\n');
        skipped.stream().limit(SKIPPED_PRINTED).forEach(s -> out.append(String.format("  skipped %s: %s%n", s.path(), s.reason())));
        if (skipped.size() > SKIPPED_PRINTED) {
            out.append(String.format("  … and %d more skipped files%n", skipped.size() - SKIPPED_PRINTED));
        }
        return out.toString();
    }

    /** What metrics.json and evaluation.json say of the scans: counts, per class, every skipped file with its reason. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", source);
        json.put("files", paths.size());
        json.put("used", images.count());
        json.put("skipped_count", skipped.size());
        Map<String, Long> classes = new LinkedHashMap<>();
        for (int c = 0; c < perClass.length; c++) {
            classes.put(String.valueOf(c), perClass[c]);
        }
        json.put("per_class", classes);
        json.put("skipped", skipped.stream().map(s -> Map.of("path", s.path(), "reason", s.reason())).toList());
        return json;
    }

    /** The file of the example at {@code index}. */
    public String path(long index) {
        return paths.get((int) index);
    }
}
