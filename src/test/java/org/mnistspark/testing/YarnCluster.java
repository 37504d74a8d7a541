package org.mnistspark.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A real YARN in this JVM, as Spark's own YARN tests start it: a ResourceManager and one NodeManager
 * (Hadoop's MiniYARNCluster) whose default file system is the test HDFS. Containers are child
 * processes of this JVM. {@link #clientEnvironment()} is what a machine that submits to the cluster
 * has: HADOOP_CONF_DIR, a folder with the cluster's core-site.xml and yarn-site.xml.
 */
public final class YarnCluster implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    /** Room for a cluster-mode driver and two executors as conf/spark-defaults.conf sizes them (5 GB each, overhead included). */
    private static final int NODE_MEMORY_MB = 16 * 1024;

    private final MiniYARNCluster yarn;
    private final YarnClient client;
    private final Path confDir;

    private YarnCluster(MiniYARNCluster yarn, YarnClient client, Path confDir) {
        this.yarn = yarn;
        this.client = client;
        this.confDir = confDir;
    }

    public static YarnCluster start() throws IOException, InterruptedException {
        MiniYARNCluster yarn = new MiniYARNCluster(YarnCluster.class.getSimpleName(), 1, 1, 1);
        yarn.init(configuration());
        yarn.start();
        YarnClient client = null;
        try {
            Configuration started = awaitAddress(yarn);
            client = YarnClient.createYarnClient();
            client.init(started);
            client.start();
            YarnCluster cluster = new YarnCluster(yarn, client, writeConfiguration(started));
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (client != null) {
                client.stop();
            }
            yarn.stop();
            throw e;
        }
    }

    private static YarnConfiguration configuration() {
        YarnConfiguration conf = new YarnConfiguration();
        conf.set("fs.defaultFS", TestHdfs.root());
        // MiniYARNCluster gives its NodeManagers this, not yarn.nodemanager.resource.memory-mb.
        conf.setInt(YarnConfiguration.YARN_MINICLUSTER_NM_PMEM_MB, NODE_MEMORY_MB);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, NODE_MEMORY_MB);
        // One queue with the whole cluster: hadoop-client-minicluster lacks the capacity-scheduler.xml that would define it.
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
        conf.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
        // The capacity scheduler's default keeps application masters to a tenth of the cluster: too little for one driver.
        conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 1.0f);
        // A container's memory is what it reserves, not what it touches: no process is measured and killed over it.
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // The scheduler places containers when the node reports in: ten times a second rather than once saves the test
        // a wait for each application master and executor.
        conf.setLong(YarnConfiguration.RM_NM_HEARTBEAT_INTERVAL_MS, 100);
        // Containers' logs and files stay until the test's folder goes (driverOutput reads them after the application).
        // Handing their deletion on at once, to a service that then keeps them, leaves the node no deletion scheduled
        // hours ahead, which its stop would otherwise wait 10 s for.
        conf.setLong(YarnConfiguration.NM_LOG_RETAIN_SECONDS, 0);
        conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, -1);
        // A busy disk must not take the only node out of service.
        conf.setBoolean("yarn.nodemanager.disk-health-checker.enable", false);
        // The Java every container starts ({{JAVA_HOME}}/bin/java): this one, with the tests' JIT setting.
        conf.set(YarnConfiguration.NM_ADMIN_USER_ENV, "JAVA_HOME=" + System.getProperty("java.home") + ","
                + ShortLivedJvm.VARIABLE + "=" + ShortLivedJvm.OPTION);
        // What this machine's node gives its containers from its own environment (the test JVM's), where a container has
        // none of its own (executors inherit their application master's): SPARK_LOCAL_IP, loopback, which the build sets
        // (where the machine's name resolves to 127.0.0.1, Spark otherwise announces its network address); and the
        // OpenBLAS kernel this processor needs, without which the containers' matrix products round differently.
        conf.set(YarnConfiguration.NM_ENV_WHITELIST, YarnConfiguration.DEFAULT_NM_ENV_WHITELIST + ",SPARK_LOCAL_IP,OPENBLAS_CORETYPE,OPENBLAS_L2_SIZE");
        return conf;
    }

    /** The environment of a machine that submits to this cluster. */
    public Map<String, String> clientEnvironment() {
        return Map.of("HADOOP_CONF_DIR", confDir.toString());
    }

    /** The cluster's folder under target/, which holds its containers' logs. */
    public Path workDir() {
        return yarn.getTestWorkDir().toPath().toAbsolutePath();
    }

    /** The one application running on the cluster, if there is one. */
    public Optional<ApplicationId> runningApplication() throws IOException {
        List<ApplicationReport> running = applications(YarnApplicationState.RUNNING);
        if (running.size() > 1) {
            throw new AssertionError("more than one application running: " + running);
        }
        return running.stream().map(ApplicationReport::getApplicationId).findFirst();
    }

    /** What {@code yarn application -kill} does: the ResourceManager ends the application master and every container. */
    public void kill(ApplicationId application) throws IOException {
        try {
            client.killApplication(application);
        } catch (YarnException e) {
            throw new IOException(e);
        }
    }

    public YarnApplicationState state(ApplicationId application) throws IOException {
        try {
            return client.getApplicationReport(application).getYarnApplicationState();
        } catch (YarnException e) {
            throw new IOException(e);
        }
    }

    /** What the application's driver printed: in cluster mode it ran in the first container, the application master's. */
    public String driverOutput(ApplicationId application) throws IOException {
        try (Stream<Path> files = Files.walk(workDir())) {
            List<Path> stdout = files.filter(f -> f.getFileName().toString().equals("stdout")
                    && f.getParent().getFileName().toString().startsWith("container_")
                    && f.getParent().getFileName().toString().endsWith("_01_000001")
                    && f.getParent().getParent().getFileName().toString().equals(application.toString())).toList();
            if (stdout.size() != 1) {
                throw new AssertionError("the application master's stdout of " + application + ": found " + stdout);
            }
            return Files.readString(stdout.get(0));
        }
    }

    @Override
    public void close() {
        client.stop();
        yarn.stop();
    }

    private List<ApplicationReport> applications(YarnApplicationState... states) throws IOException {
        try {
            return client.getApplications(EnumSet.copyOf(List.of(states)));
        } catch (YarnException e) {
            throw new IOException(e);
        }
    }

    /** MiniYARNCluster can return from start() before the ResourceManager has published the port it bound. */
    private static Configuration awaitAddress(MiniYARNCluster yarn) throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (yarn.getConfig().get(YarnConfiguration.RM_ADDRESS).endsWith(":0")) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the ResourceManager did not bind within " + STARTUP);
            }
            Thread.sleep(100);
        }
        return yarn.getConfig();
    }

    /** The cluster's client configuration, as a Hadoop installation's etc/hadoop holds it. */
    private static Path writeConfiguration(Configuration conf) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "yarn-conf").toAbsolutePath());
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", conf.get("fs.defaultFS"));
        write(core, dir.resolve("core-site.xml"));
        write(conf, dir.resolve("yarn-site.xml"));
        return dir;
    }

    private static void write(Configuration conf, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            conf.writeXml(out);
        }
    }
}
