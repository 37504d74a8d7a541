package org.mnistspark.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.testing.TestData;

/** Downloads from HTTP servers on 127.0.0.1 that serve the real MNIST files, or broken ones. */
class DownloaderTest {
    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            synchronized (requests) {
                requests.add(path);
            }
            byte[] body = served.get(path);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI mirror(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/");
    }

    private void serveMnist(String mirror) throws IOException {
        for (String file : Dataset.MNIST.files().keySet()) {
            served.put("/" + mirror + "/" + file, Files.readAllBytes(TestData.mnist().resolve(file)));
        }
    }

    @Test
    void fallsBackToTheNextMirrorAndVerifiesEachFile() throws IOException {
        serveMnist("good");

        new Downloader(log::add).download(Dataset.MNIST, dir, List.of(mirror("missing"), mirror("good")));

        for (String file : Dataset.MNIST.files().keySet()) {
            assertArrayEquals(Files.readAllBytes(TestData.mnist().resolve(file)), Files.readAllBytes(dir.resolve(file)));
            assertTrue(requests.contains("/missing/" + file));
        }
        assertEquals(List.of(), leftovers());
    }

    @Test
    void refusesACorruptFileAndLeavesNothingBehind() throws IOException {
        serveMnist("corrupt");
        byte[] tampered = served.get("/corrupt/t10k-labels-idx1-ubyte.gz").clone();
        tampered[tampered.length / 2] ^= 1;
        served.put("/corrupt/t10k-labels-idx1-ubyte.gz", tampered);

        Path target = dir.resolve("t10k-labels-idx1-ubyte.gz");
        IdxException e = assertThrows(IdxException.class,
                () -> new Downloader(log::add).download(Dataset.MNIST, dir, List.of(mirror("corrupt"))));

        assertEquals(target + ": could not be downloaded: " + mirror("corrupt").resolve("t10k-labels-idx1-ubyte.gz")
                + " served a corrupt file (MD5 mismatch)", e.getMessage());
        assertTrue(Files.notExists(target));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void keepsFilesThatAreAlreadyIntact() throws IOException {
        serveMnist("good");
        new Downloader(log::add).download(Dataset.MNIST, dir, List.of(mirror("good")));
        requests.clear();

        new Downloader(log::add).download(Dataset.MNIST, dir, List.of(mirror("good")));

        assertEquals(List.of(), requests);
    }

    @Test
    void replacesADamagedLocalCopy() throws IOException {
        serveMnist("good");
        Path target = dir.resolve("train-labels-idx1-ubyte.gz");
        Files.write(target, new byte[] {1, 2, 3});

        new Downloader(log::add).download(Dataset.MNIST, dir, List.of(mirror("good")));

        assertArrayEquals(served.get("/good/train-labels-idx1-ubyte.gz"), Files.readAllBytes(target));
    }

    /** Files in the directory other than the data set's own: partial downloads, temporary files. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !Dataset.MNIST.files().containsKey(f.getFileName().toString())).toList();
        }
    }
}
