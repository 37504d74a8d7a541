package org.mnistspark.idx;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The public IDX data sets {@link Downloader} knows: their files, checksums and mirrors. */
public enum Dataset {
    MNIST(
            List.of("https://ossci-datasets.s3.amazonaws.com/mnist/",
                    "https://storage.googleapis.com/cvdf-datasets/mnist/",
                    "http://yann.lecun.com/exdb/mnist/"),
            Map.of("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                    "train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432",
                    "t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3",
                    "t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c")),
    FASHION(
            List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                    "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"),
            Map.of("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                    "train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe",
                    "t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79",
                    "t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310"));

    private final List<String> mirrors;
    private final Map<String, String> md5ByFile;

    Dataset(List<String> mirrors, Map<String, String> md5ByFile) {
        this.mirrors = mirrors;
        this.md5ByFile = md5ByFile;
    }

    public List<URI> mirrors() {
        return mirrors.stream().map(URI::create).toList();
    }

    /** File name → expected MD5 (hex), in a stable order. */
    public Map<String, String> files() {
        return new java.util.TreeMap<>(md5ByFile);
    }
}
