package org.mnistspark.score;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** The files to score: every file under a directory, recursively, optionally only names matching a glob. */
final class InputFiles {
    private InputFiles() {}

    static List<String> list(String input, String glob, Configuration conf) {
        Path root = new Path(input);
        PathMatcher names = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<String> files = new ArrayList<>();
        try {
            FileSystem fs = root.getFileSystem(conf);
            if (!fs.exists(root)) {
                throw new IllegalArgumentException(input + ": no such file or directory");
            }
            RemoteIterator<LocatedFileStatus> listing = fs.listFiles(root, true);
            while (listing.hasNext()) {
                Path file = listing.next().getPath();
                if (names == null || names.matches(java.nio.file.Path.of(file.getName()))) {
                    files.add(file.toString());
                }
            }
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
}
