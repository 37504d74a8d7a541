package org.mnistspark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** One real in-process HDFS (a name node and a data node on loopback) for the whole test run, stopped with the JVM. */
public final class TestHdfs {
    private static MiniDFSCluster cluster;

    private TestHdfs() {}

    /** The file system's root, {@code hdfs://localhost:PORT}, started on first use. */
    public static synchronized String root() {
        if (cluster == null) {
            try {
                // Under target/, so that mvn clean removes it.
                Path base = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "hdfs");
                Configuration conf = new Configuration();
                conf.set("dfs.namenode.http-address", "127.0.0.1:0");
                conf.set("dfs.datanode.address", "127.0.0.1:0");
                conf.set("dfs.datanode.http.address", "127.0.0.1:0");
                conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
                cluster = new MiniDFSCluster.Builder(conf, base.toFile()).numDataNodes(1).build();
                cluster.waitActive();
                MiniDFSCluster started = cluster;
                Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cluster.getURI().toString();
    }

    public static FileSystem fileSystem() {
        root();
        try {
            return cluster.getFileSystem();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a local file or directory to {@code hdfs://…/name}; returns that location. */
    public static String upload(Path local, String name) {
        String target = root() + "/" + name;
        try {
            fileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), new org.apache.hadoop.fs.Path(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
