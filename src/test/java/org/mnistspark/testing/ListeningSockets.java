package org.mnistspark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The TCP sockets that processes listen on, as Linux reports them: {@code /proc/net/tcp} and {@code tcp6}
 * list every listening socket with its inode, and {@code /proc/PID/fd} tells which process holds which inode.
 */
public final class ListeningSockets {
    /** The state column's value for a listening socket. */
    private static final String LISTEN = "0A";
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");

    /** One listening socket of one process. */
    public record Socket(long pid, String command, InetSocketAddress address) {}

    private ListeningSockets() {}

    public static List<Socket> of(Collection<ProcessHandle> processes) {
        Map<Long, InetSocketAddress> listening = new HashMap<>();
        listening.putAll(read(Path.of("/proc/net/tcp")));
        listening.putAll(read(Path.of("/proc/net/tcp6")));
        List<Socket> sockets = new ArrayList<>();
        for (ProcessHandle process : processes) {
            String command = process.info().command().orElse("?") + " " + process.info().arguments().map(a -> String.join(" ", a)).orElse("");
            for (long inode : socketInodes(process.pid())) {
                InetSocketAddress address = listening.get(inode);
                if (address != null) {
                    sockets.add(new Socket(process.pid(), command, address));
                }
            }
        }
        return sockets;
    }

    private static Map<Long, InetSocketAddress> read(Path table) {
        Map<Long, InetSocketAddress> listening = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                if (fields[3].equals(LISTEN)) {
                    String[] local = fields[1].split(":");
                    listening.put(Long.parseLong(fields[9]), new InetSocketAddress(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return listening;
    }

    /** The kernel prints an address as 32-bit words in the machine's byte order (little-endian here). */
    private static InetAddress address(String hex) throws IOException {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte swap = bytes[word + i];
                bytes[word + i] = bytes[word + 3 - i];
                bytes[word + 3 - i] = swap;
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    private static List<Long> socketInodes(long pid) {
        List<Long> inodes = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Matcher socket = SOCKET_LINK.matcher(Files.readSymbolicLink(fd).toString());
                    if (socket.matches()) {
                        inodes.add(Long.parseLong(socket.group(1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // The descriptor was closed between the listing and the read.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the descriptors of process " + pid, e);
        }
        return inodes;
    }
}
