package io.ledgerline.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** Progress lines on standard output, with the wall-clock time and the time since the run started. */
public final class Progress implements Consumer<String> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final long startNanos = System.nanoTime();

    @Override
    public void accept(String message) {
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000_000;
        System.out.printf("[bench %s +%d:%02d] %s%n", LocalTime.now().format(CLOCK), elapsed / 60, elapsed % 60, message);
        System.out.flush();
    }

    /** "30 s", "7.5 s": a duration as a progress line gives it. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
