package org.mnistspark.idx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mnistspark.files.AtomicFile;

/**
 * Fetches a data set's files into a directory, trying each mirror in turn. A file is only ever
 * renamed into place once its checksum matches, so a failed or corrupt download leaves nothing
 * behind; a file already present with the right checksum is kept as it is.
 */
public final class Downloader {
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final Consumer<String> log;

    public Downloader(Consumer<String> log) {
        this.log = log;
    }

    public void download(Dataset dataset, Path dir, List<URI> mirrors) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : dataset.files().entrySet()) {
            fetch(file.getKey(), file.getValue(), dir, mirrors);
        }
    }

    private void fetch(String name, String md5, Path dir, List<URI> mirrors) throws IOException {
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target)) {
            String actual = md5Of(target);
            if (actual.equals(md5)) {
                log.accept(target + ": present, checksum ok");
                return;
            }
            log.accept(target + ": present but its MD5 is " + actual + ", not " + md5 + "; fetching it again");
        }
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI source = mirror.resolve(name);
            try {
                if (fetchVerified(source, md5, target)) {
                    log.accept(target + ": downloaded from " + source + ", checksum ok");
                    return;
                }
                failures.add(source + " served a corrupt file (MD5 mismatch)");
            } catch (IOException e) {
                failures.add(source + " failed: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + source, e);
            }
            log.accept(name + ": " + failures.get(failures.size() - 1) + "; trying the next mirror");
        }
        throw new IdxException(target.toString(), "could not be downloaded: " + String.join("; ", failures));
    }

    /** Downloads into a temporary file beside the target; renames it into place only if the MD5 matches. */
    private boolean fetchVerified(URI source, String md5, Path target) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(source).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            try {
                AtomicFile.write(target, partial -> {
                    MessageDigest digest = md5();
                    try (InputStream in = new DigestInputStream(body, digest);
                            OutputStream out = Files.newOutputStream(partial)) {
                        in.transferTo(out);
                    }
                    if (!HexFormat.of().formatHex(digest.digest()).equals(md5)) {
                        throw new ChecksumMismatch();
                    }
                });
                return true;
            } catch (ChecksumMismatch e) {
                return false;
            }
        }
    }

    /** Keeps a download whose MD5 is wrong from being published. */
    private static final class ChecksumMismatch extends IOException {}

    static String md5Of(Path file) throws IOException {
        MessageDigest digest = md5();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no MD5", e);
        }
    }
}
