package org.mnistspark.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mnistspark.cli.Main;

/** The command line that runs the product's entry point in a JVM of its own, from the test class path. */
public final class DriverCommand {
    private DriverCommand() {}

    public static List<String> of(String... args) {
        return ofMain(Main.class.getName(), args);
    }

    /** The same for another main class on the test class path. */
    public static List<String> ofMain(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx2g");
        command.add(ShortLivedJvm.OPTION);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(arg -> arg.startsWith("--add-opens")).forEach(command::add);
        command.add("-Dlog4j2.configurationFile=" + System.getProperty("log4j2.configurationFile"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
