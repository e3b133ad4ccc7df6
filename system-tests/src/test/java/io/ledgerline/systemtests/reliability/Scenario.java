package io.ledgerline.systemtests.reliability;

import io.ledgerline.systemtests.load.Journal;
import io.ledgerline.systemtests.load.LoadDriver;
import io.ledgerline.systemtests.load.Operation;
import io.ledgerline.systemtests.load.OperationKind;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** One scenario's clients, its hot accounts and what it noted down. */
final class Scenario {

    /** Generous: the machine is shared, and a phase includes whatever a restart costs. */
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(5);

    private final String name;
    private final Journal journal;
    private final List<String> accounts;
    private final LoadDriver driver;
    private final long startedNanos = System.nanoTime();
    private final List<String> notes = new ArrayList<>();

    private Scenario(String name, Journal journal, List<String> accounts, LoadDriver driver) {
        this.name = name;
        this.journal = journal;
        this.accounts = accounts;
        this.driver = driver;
    }

    /** @param operationsPerSecond 0 for clients that send as fast as they are answered */
    static Scenario start(String name, Journal journal, List<URI> commandSides, List<String> accounts, int clients,
            double operationsPerSecond) {
        LoadDriver driver = LoadDriver.start(name, commandSides, accounts, clients, operationsPerSecond,
                new BigDecimal("1000.00"), journal);
        return new Scenario(name, journal, accounts, driver);
    }

    String name() {
        return name;
    }

    /** Waits until the clients have had {@code count} more requests answered (or failed). */
    void awaitOperations(long count) {
        long target = journal.operations(name).size() + count;
        await(name + ": " + count + " more requests").atMost(PHASE_LIMIT).pollInterval(Duration.ofMillis(100))
                .until(() -> journal.operations(name).size() >= target);
    }

    /** Waits for {@code count} more accepted requests: the system takes commands again. */
    void awaitAccepted(long count) {
        long target = journal.acceptedCount() + count;
        await(name + ": " + count + " more accepted requests").atMost(PHASE_LIMIT).pollInterval(Duration.ofMillis(100))
                .until(() -> journal.acceptedCount() >= target);
    }

    void stopClients() {
        driver.stop();
    }

    void note(String note) {
        notes.add(note);
    }

    List<String> notes() {
        return notes;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    Set<String> transferIds() {
        return journal.operations(name).stream().filter(operation -> operation.kind() == OperationKind.TRANSFER)
                .map(Operation::id).collect(Collectors.toSet());
    }

    List<String> accounts() {
        return accounts;
    }
}
