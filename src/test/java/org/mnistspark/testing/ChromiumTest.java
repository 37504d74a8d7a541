package org.mnistspark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser check the report tests rely on does see what a page fetches and the errors it logs. */
class ChromiumTest {
    @TempDir
    static Path dir;

    @Test
    void seesAFetchAndAnError() throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><img src=\"http://127.0.0.1:9/missing.png\">"
                + "<script>console.error('something broke')</script><p>hello</p></body></html>");

        Chromium.Visit visit = Chromium.open(page, "document.body.innerText", dir.resolve("page.png"));

        assertEquals(List.of("http://127.0.0.1:9/missing.png"), visit.requests());
        assertTrue(visit.errors().stream().anyMatch(e -> e.contains("something broke")), visit.errors().toString());
        assertEquals("hello", visit.facts().asText());
    }
}
