package org.mnistspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistspark.testing.Digits;
import org.mnistspark.testing.DriverCommand;
import org.mnistspark.testing.TrainedModel;

/**
 * Progress on a real terminal: the command runs in its own JVM under util-linux's {@code script},
 * which gives it a pseudo-terminal for standard input and output, as an interactive shell would.
 */
class TerminalProgressTest {
    private static final int DIGITS = 600;

    @TempDir
    static Path dir;

    @Test
    void scoringRedrawsOneLineWithTheFilesDoneAndTheFailuresSoFar() throws Exception {
        Path input = Files.createDirectories(dir.resolve("scans"));
        for (Digits.Digit digit : Digits.mnistTest(DIGITS)) {
            ImageIO.write(Digits.inkOnPaper(digit.pixels()), "png", input.resolve(String.format("digit-%04d.png", digit.index())).toFile());
        }
        // Listed first: the failures show in the first redraw.
        Files.writeString(input.resolve("broken-1.png"), "not an image");
        Files.write(input.resolve("broken-2.png"), new byte[0]);
        String command = DriverCommand.of("score", "--model", TrainedModel.modelFile().toString(), "--input", input.toString(),
                "--output", dir.resolve("scores.parquet").toString(), "--master", "local[1]",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1")
                .stream().map(TerminalProgressTest::quoted).collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "--quiet", "--return", "--command", command, "/dev/null")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        // As submit.sh passes on the width of a pseudo-terminal that nobody sized: the line falls back to 80 columns.
        builder.environment().put("COLUMNS", "0");
        Process script = builder.start();
        script.getOutputStream().close();
        String screen = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(script.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, script.exitValue(), screen);

        // 602 files make three tasks of about 250 (200, 201, 201 as Spark slices a list): the line is redrawn as each
        // ends. (The terminal turns each newline into a carriage return and a newline, so the lines printed after it
        // are not among these.)
        List<String> draws = Arrays.stream(screen.split("\r")).filter(s -> s.startsWith("score ")).toList();
        assertEquals(3, draws.size(), screen);
        assertTrue(draws.get(0).matches("score  33% \\[###\\.{9}\\] 200/602 \\[\\d+m\\d\\ds<\\d+m\\d\\ds, \\d+ images/s\\] 2 failed\u001b\\[K"),
                draws.get(0));
        assertTrue(draws.get(1).matches("score  66% \\[#######\\.{5}\\] 401/602 .* 2 failed\u001b\\[K"), draws.get(1));
        assertTrue(draws.get(2).matches("score 100% \\[############\\] 602/602 \\[\\d+m\\d\\ds<0m00s, \\d+ images/s\\] 2 failed\u001b\\[K"),
                draws.get(2));
        assertTrue(screen.lines().noneMatch(l -> l.startsWith("files ")), "plain progress lines on a terminal:\n" + screen);
        assertTrue(screen.contains("602 files found, 600 scored, 2 failed"), screen);
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
