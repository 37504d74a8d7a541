package org.mnistspark.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and workers of one core each, child JVMs run
 * from the project's own Spark jars (target/spark-classpath.txt, written by {@code mvn package}), which
 * a folder under target/ lays out as a Spark installation. Closing it stops the daemons and every
 * executor JVM the workers launched.
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String WORKER_MEMORY = "3g";

    private final Path dir;
    private final int port;
    private final int webUiPort;
    private final List<Process> daemons = new ArrayList<>();

    private StandaloneCluster(Path dir) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.webUiPort = freePort();
    }

    /** Starts a Master and {@code workers} one-core workers, and waits until every worker has registered. */
    public static StandaloneCluster start(int workers) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "standalone-cluster");
        StandaloneCluster cluster = new StandaloneCluster(dir);
        // Also when the test JVM is interrupted: daemons left behind would hold cores and ports.
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        try {
            cluster.layOutSparkHome();
            cluster.launch("master", "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(cluster.port), "--webui-port", String.valueOf(cluster.webUiPort));
            for (int i = 0; i < workers; i++) {
                Path work = Files.createDirectories(dir.resolve("work-" + i));
                cluster.launch("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", WORKER_MEMORY, "--webui-port", "0", "--work-dir", work.toString(),
                        cluster.masterUrl());
            }
            cluster.awaitWorkers(workers);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    public String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** The Master's view of the cluster, as its web UI serves it at /json. */
    public JsonNode state() throws IOException {
        return new ObjectMapper().readTree(new URL("http://127.0.0.1:" + webUiPort + "/json"));
    }

    /** The ids of the applications running on the cluster. */
    public List<String> runningApplications() throws IOException {
        List<String> ids = new ArrayList<>();
        state().get("activeapps").forEach(app -> ids.add(app.get("id").asText()));
        return ids;
    }

    /** The Master, the workers and every executor JVM they launched. */
    public List<ProcessHandle> processes() {
        return daemons.stream().flatMap(daemon -> Stream.concat(Stream.of(daemon.toHandle()), daemon.descendants())).toList();
    }

    /** The executor JVMs that the workers launched for an application. */
    public List<ProcessHandle> executors(String applicationId) {
        return daemons.stream().flatMap(Process::descendants)
                .filter(p -> p.info().commandLine().filter(c -> c.contains("CoarseGrainedExecutorBackend")
                        && c.contains("--app-id " + applicationId)).isPresent())
                .toList();
    }

    @Override
    public void close() {
        // Executors first: a worker killed before them would leave them running.
        daemons.stream().flatMap(Process::descendants).toList().forEach(ProcessHandle::destroyForcibly);
        daemons.forEach(Process::destroy);
        for (Process daemon : daemons) {
            try {
                if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                daemon.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteApplicationJars();
    }

    /** A Spark installation is a folder whose jars/ holds Spark's runtime: here, links to the Maven jars. */
    private void layOutSparkHome() throws IOException {
        SparkJars.linkInto(dir.resolve("jars"));
        Files.createDirectories(dir.resolve("logs"));
    }

    private void launch(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        // The same Java 17 module flags this test JVM was started with.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens")).forEach(command::add);
        command.addAll(List.of("-cp", dir.resolve("jars") + "/*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs").resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", dir.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.12");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // For the daemons and the executors a worker starts, which inherit its environment.
        builder.environment().putAll(ShortLivedJvm.ENVIRONMENT);
        // Executors get their native thread count from the application's settings, not from this JVM.
        builder.environment().remove("OMP_NUM_THREADS");
        daemons.add(builder.start());
    }

    private void awaitWorkers(int workers) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            try {
                int alive = 0;
                for (JsonNode worker : state().get("workers")) {
                    alive += worker.get("state").asText().equals("ALIVE") ? 1 : 0;
                }
                if (alive == workers) {
                    return;
                }
            } catch (IOException notUpYet) {
                // The Master's web UI is still starting.
            }
            for (Process daemon : daemons) {
                if (!daemon.isAlive()) {
                    throw new IllegalStateException("a cluster daemon exited with " + daemon.exitValue() + "; see " + dir.resolve("logs"));
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(workers + " workers did not register within " + STARTUP + "; see " + dir.resolve("logs"));
    }

    /** Each executor keeps a copy of the application jar (150 MB) in its work folder; the logs stay for reading. */
    private void deleteApplicationJars() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".jar") && dir.relativize(f).getName(0).toString().startsWith("work-"))
                    .forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
