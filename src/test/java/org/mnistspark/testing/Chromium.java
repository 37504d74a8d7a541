package org.mnistspark.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A page opened in real headless Chromium (Debian's {@code chromium}), watched through the DevTools
 * protocol: every console message, page error and network request is recorded while it loads.
 */
public final class Chromium {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    /** Bounds each wait on the browser, so that a hung browser fails the test instead of the build. */
    private static final long WAIT_SECONDS = 120;
    private static final int WIDTH = 1200;

    /** What happened while the page loaded, and what {@code facts} (a script expression) said about it afterwards. */
    public record Visit(List<String> errors, List<String> requests, JsonNode facts) {}

    private Chromium() {}

    /** Opens {@code page}, evaluates {@code facts} in it, and keeps a screenshot of the whole page in {@code screenshot}. */
    public static Visit open(Path page, String facts, Path screenshot) throws Exception {
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile");
        Process browser = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=" + WIDTH + ",900", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Session session = Session.connect(pageSocket(browser));
            List<String> errors = new CopyOnWriteArrayList<>();
            List<String> requests = new CopyOnWriteArrayList<>();
            String url = page.toAbsolutePath().toUri().toString();
            session.onEvent(event -> {
                JsonNode params = event.path("params");
                switch (event.path("method").asText()) {
                    case "Runtime.exceptionThrown" -> errors.add(params.path("exceptionDetails").toString());
                    case "Runtime.consoleAPICalled" -> {
                        if (List.of("error", "warning", "assert").contains(params.path("type").asText())) {
                            errors.add(params.path("args").toString());
                        }
                    }
                    case "Log.entryAdded" -> {
                        if (List.of("error", "warning").contains(params.path("entry").path("level").asText())) {
                            errors.add(params.path("entry").path("text").asText());
                        }
                    }
                    case "Network.requestWillBeSent" -> {
                        String requested = params.path("request").path("url").asText();
                        // The page itself and its inline data: images are not fetched from anywhere.
                        if (!requested.equals(url) && !requested.startsWith("data:")) {
                            requests.add(requested);
                        }
                    }
                    default -> { }
                }
            });
            for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
                session.call(domain + ".enable", Map.of());
            }
            CompletableFuture<JsonNode> loaded = session.nextEvent("Page.loadEventFired");
            session.call("Page.navigate", Map.of("url", url));
            loaded.get(WAIT_SECONDS, TimeUnit.SECONDS);
            JsonNode value = session.call("Runtime.evaluate", Map.of("expression", facts, "returnByValue", true))
                    .path("result").path("value");
            int height = session.call("Page.getLayoutMetrics", Map.of()).path("cssContentSize").path("height").asInt();
            session.call("Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", height, "deviceScaleFactor", 1,
                    "mobile", false));
            String png = session.call("Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
            Files.write(screenshot, Base64.getDecoder().decode(png));
            session.close();
            return new Visit(errors, requests, value);
        } finally {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly();
            browser.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The DevTools socket of the browser's first tab, found through the address it prints on start. */
    private static URI pageSocket(Process browser) throws IOException, InterruptedException {
        BufferedReader err = new BufferedReader(new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder printed = new StringBuilder();
        for (String line; (line = err.readLine()) != null; ) {
            printed.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // Keep draining its standard error, so the browser never blocks on a full pipe.
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                URI browserSocket = URI.create(m.group(1));
                HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + browserSocket.getAuthority() + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
                for (JsonNode target : JSON.readTree(list.body())) {
                    if (target.path("type").asText().equals("page")) {
                        return URI.create(target.path("webSocketDebuggerUrl").asText());
                    }
                }
                throw new AssertionError("Chromium has no page open: " + list.body());
            }
        }
        throw new AssertionError("Chromium ended before listening for DevTools:\n" + printed);
    }

    /** One DevTools protocol connection: calls answered by id, events passed to a listener. */
    private static final class Session implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
        private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Session connect(URI uri) throws Exception {
            Session session = new Session();
            session.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, session).get(WAIT_SECONDS, TimeUnit.SECONDS);
            return session;
        }

        void onEvent(Consumer<JsonNode> listener) {
            listeners.add(listener);
        }

        CompletableFuture<JsonNode> nextEvent(String method) {
            return awaited.computeIfAbsent(method, m -> new CompletableFuture<>());
        }

        JsonNode call(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
            message.set("params", JSON.valueToTree(params));
            socket.sendText(message.toString(), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
            JsonNode reply = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new AssertionError(method + ": " + reply.get("error"));
            }
            return reply.path("result");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("id")) {
                        pending.remove(message.get("id").asInt()).complete(message);
                    } else {
                        listeners.forEach(l -> l.accept(message));
                        CompletableFuture<JsonNode> waiting = awaited.remove(message.path("method").asText());
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
