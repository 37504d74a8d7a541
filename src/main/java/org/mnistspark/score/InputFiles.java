package org.mnistspark.score;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.util.HadoopFSUtils;

/**
 * The files to score: every file under a directory, recursively, optionally only names matching a glob; for a watch, the
 * empty ones, which Spark's file source gives no rows for.
 */
final class InputFiles {
    private InputFiles() {}

    static List<String> list(String input, String glob, Configuration conf) {
        List<String> files = walk(input, glob, conf, entry -> true);
        if (files.isEmpty()) {
            throw new IllegalArgumentException(input + ": no files to score" + (glob == null ? "" : " matching " + glob));
        }
        files.sort(null);
        return files;
    }

    /**
     * The empty files under {@code input} that Spark's file source lists, and then leaves out of a batch's rows:
     * files and folders whose names it hides (starting with {@code _} or {@code .}, as files being written are
     * named) are passed over by the same rule, Spark's own.
     */
    static List<String> empty(String input, String glob, Configuration conf) {
        return walk(input, glob, conf, entry -> !HadoopFSUtils.shouldFilterOutPathName(entry.getPath().getName())
                && (entry.isDirectory() || entry.getLen() == 0));
    }

    /** The folder a watch lists: it must exist, and be a folder. */
    static void requireFolder(String input, Configuration conf) {
        Path root = new Path(input);
        try {
            if (!root.getFileSystem(conf).getFileStatus(root).isDirectory()) {
                throw new IllegalArgumentException(input + ": not a folder");
            }
        } catch (FileNotFoundException e) {
            throw noSuchFile(input);
        } catch (IOException e) {
            throw new IllegalArgumentException(input + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** Whether a file's name matches {@code glob}; every name does for a null glob. */
    static Predicate<String> named(String glob) {
        if (glob == null) {
            return name -> true;
        }
        PathMatcher names = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return name -> names.matches(java.nio.file.Path.of(name));
    }

    /** The files under {@code input} whose names match {@code glob}, below entries (folders and files) that {@code taken} accepts. */
    private static List<String> walk(String input, String glob, Configuration conf, Predicate<FileStatus> taken) {
        Path root = new Path(input);
        List<String> files = new ArrayList<>();
        try {
            FileSystem fs = root.getFileSystem(conf);
            addFiles(fs, fs.getFileStatus(root), named(glob), taken, files);
        } catch (FileNotFoundException e) {
            throw noSuchFile(input);
        } catch (IOException e) {
            throw new IllegalArgumentException(input + ": cannot list: " + e.getMessage(), e);
        }
        return files;
    }

    private static IllegalArgumentException noSuchFile(String input) {
        return new IllegalArgumentException(input + ": no such file or directory");
    }

    /**
     * Walks the tree with plain listings: the recursive {@code listFiles} of Hadoop's local file
     * system starts a process per file to read permissions nobody here needs.
     */
    private static void addFiles(FileSystem fs, FileStatus entry, Predicate<String> names, Predicate<FileStatus> taken, List<String> files)
            throws IOException {
        if (entry.isDirectory()) {
            for (FileStatus child : fs.listStatus(entry.getPath())) {
                if (taken.test(child)) {
                    addFiles(fs, child, names, taken, files);
                }
            }
        } else if (names.test(entry.getPath().getName())) {
            files.add(entry.getPath().toString());
        }
    }
}
