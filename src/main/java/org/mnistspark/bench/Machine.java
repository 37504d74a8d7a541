package org.mnistspark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on: CPU, cores, memory, Java and OS, as Linux reports them. */
final class Machine {
    private Machine() {}

    static Map<String, Object> describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
        long memoryKb = firstValue(Path.of("/proc/meminfo"), "MemTotal").map(v -> Long.parseLong(v.replaceAll("\\D", ""))).orElse(0L);
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", cpu);
        machine.put("cores", cores);
        machine.put("memory_gib", Math.round(memoryKb / 1024.0 / 1024.0));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("summary", String.format("%s, %d cores, %d GiB, Java %s", cpu, cores, Math.round(memoryKb / 1024.0 / 1024.0),
                System.getProperty("java.version")));
        return machine;
    }

    private static java.util.Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
