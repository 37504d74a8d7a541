package org.mnistspark.score;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The files to score: every file under a directory, recursively, optionally only names matching a glob. */
final class InputFiles {
    private InputFiles() {}

    static List<String> list(String input, String glob, Configuration conf) {
        Path root = new Path(input);
        PathMatcher names = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<String> files = new ArrayList<>();
        try {
            FileSystem fs = root.getFileSystem(conf);
            addFiles(fs, fs.getFileStatus(root), names, files);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException(input + ": no such file or directory");
        } catch (IOException e) {
            throw new IllegalArgumentException(input + ": cannot list: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(input + ": no files to score" + (glob == null ? "" : " matching " + glob));
        }
        files.sort(null);
        return files;
    }

    /**
     * Walks the tree with plain listings: the recursive {@code listFiles} of Hadoop's local file
     * system starts a process per file to read permissions nobody here needs.
     */
    private static void addFiles(FileSystem fs, FileStatus entry, PathMatcher names, List<String> files) throws IOException {
        if (entry.isDirectory()) {
            for (FileStatus child : fs.listStatus(entry.getPath())) {
                addFiles(fs, child, names, files);
            }
        } else if (names == null || names.matches(java.nio.file.Path.of(entry.getPath().getName()))) {
            files.add(entry.getPath().toString());
        }
    }
}
