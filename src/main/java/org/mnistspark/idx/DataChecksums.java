package org.mnistspark.idx;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** The MD5 of each of a data directory's four IDX files as stored, so a run says exactly which data it saw. */
public final class DataChecksums {
    private DataChecksums() {}

    /** File name to MD5, training images and labels first, then the test files. */
    public static Map<String, String> of(String dir, Configuration conf) throws IOException {
        Map<String, String> md5s = new LinkedHashMap<>();
        for (MnistFiles.Split split : MnistFiles.Split.values()) {
            String images = MnistFiles.images(dir, split, conf);
            for (String file : new String[] {images, images.replace(split.imagesName(), split.labelsName())}) {
                Path path = new Path(file);
                md5s.put(path.getName(), md5(path, conf));
            }
        }
        return md5s;
    }

    private static String md5(Path file, Configuration conf) throws IOException {
        try (InputStream in = file.getFileSystem(conf).open(file)) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
