package org.mnistspark.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Progress where the output is not a terminal: plain lines, one each time another stretch of work is done. */
class ProgressTest {
    private static final Pattern PACE = Pattern.compile("\\d+\\.\\d images/s, \\d+m\\d\\ds elapsed, \\d+m\\d\\ds left");

    private static List<String> plainLines(long first, long total, long every, long... updates) {
        StringWriter text = new StringWriter();
        Progress progress = Console.plain(new PrintWriter(text)).progress("score", "files", first, total, every, 1);
        for (long done : updates) {
            progress.update(done, () -> "done " + done);
        }
        progress.close();
        return text.toString().lines().toList();
    }

    @Test
    void printsALineEachTimeAnotherStretchIsDoneAndAtTheEnd() {
        List<String> lines = plainLines(0, 1000, 300, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);

        assertEquals(4, lines.size(), String.join("\n", lines));
        List<String> expected = List.of("files 300/1000, done 300, ", "files 600/1000, done 600, ", "files 900/1000, done 900, ",
                "files 1000/1000, done 1000, ");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.startsWith(expected.get(i)), line);
            assertTrue(PACE.matcher(line.substring(expected.get(i).length())).matches(), line);
        }
        assertTrue(lines.get(3).endsWith(" 0m00s left"), lines.get(3));
    }

    @Test
    void aResumedTaskGoesOnFromWhereItStood() {
        List<String> lines = plainLines(250, 600, 100, 300, 350, 400, 600);

        assertEquals(List.of("files 300/600", "files 400/600", "files 600/600"),
                lines.stream().map(l -> l.substring(0, l.indexOf(','))).toList());
    }

    @Test
    void writesNoTerminalControlCharacters() {
        List<String> lines = plainLines(0, 10, 1, 1, 2, 3, 10);

        assertEquals(4, lines.size());
        assertTrue(lines.stream().noneMatch(l -> l.contains("\r") || l.contains("\u001b")), String.join("\n", lines));
    }
}
