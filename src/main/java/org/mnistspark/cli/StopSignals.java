package org.mnistspark.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop, for as long as this is open; a second signal acts as it did before,
 * ending the JVM at once. Not a shutdown hook: a JVM ended by a signal exits with 128 + its number, and Spark's own hook
 * stops the SparkContext under whatever job is running.
 */
final class StopSignals implements AutoCloseable {
    private static final List<String> NAMES = List.of("INT", "TERM");

    private final CountDownLatch requested = new CountDownLatch(1);
    private volatile int received;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private StopSignals() {}

    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            try {
                signals.previous.put(signal, Signal.handle(signal, received -> {
                    signals.received = received.getNumber();
                    signals.requested.countDown();
                    Signal.handle(received, signals.previous.get(received));
                }));
            } catch (IllegalArgumentException e) {
                // The JVM was started with the signal ignored (in the background of a script, say): it cannot stop anything.
            }
        }
        return signals;
    }

    /** Counted down at the first signal. */
    CountDownLatch requested() {
        return requested;
    }

    /** Whether a signal came. */
    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** What a shell reports for a process the first signal ended: 128 plus its number (130 for Ctrl-C). */
    int exitCode() {
        return 128 + received;
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
