package io.ledgerline.systemtests.reliability;

import io.ledgerline.localstack.LocalStack;
import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.localstack.launch.LocalSystemOptions;
import io.ledgerline.systemtests.invariants.EventStore;
import io.ledgerline.systemtests.invariants.InvariantChecker;
import io.ledgerline.systemtests.invariants.Ledger;
import io.ledgerline.systemtests.invariants.QuerySideReader;
import io.ledgerline.systemtests.invariants.SearchIndexReader;
import io.ledgerline.systemtests.invariants.TransferFacts;
import io.ledgerline.systemtests.load.CommandClient;
import io.ledgerline.systemtests.load.Disruption;
import io.ledgerline.systemtests.load.Journal;
import io.ledgerline.systemtests.load.Outcome;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static io.ledgerline.localstack.launch.LocalSystem.COMMAND_SIDE;
import static io.ledgerline.localstack.launch.LocalSystem.QUERY_SIDE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9: no money lost under concurrency, crashes, outages and scale-out. One system (PostgreSQL,
 * Kafka, Elasticsearch, both services from their jars) serves the scenarios in order, since each
 * start costs about a minute; each scenario runs its own clients over its own hot accounts, and its
 * invariants are checked over everything the suite booked so far, so a later disruption that harmed
 * an earlier scenario's accounts is caught too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

    /** How long read models and transfers may take to converge after load on a shared, noisy machine. */
    private static final Duration CONVERGENCE = Duration.ofMinutes(6);
    private static final double UNPACED = 0;
    private static final String KAFKA_PUBLISHER = "kafka-publisher";
    private static final String TRANSFER_SAGA = "TransferSagaProcessor";
    private static final int MID_TRANSFER_KILL_ATTEMPTS = 5;

    private static final ReliabilityProfile PROFILE = ReliabilityProfile.current();
    private static final Journal JOURNAL = new Journal();
    private static final List<ScenarioFigures> FIGURES = new ArrayList<>();
    /** Opens the scenarios' accounts, as a teller; created once the system is up, its token issuer with it. */
    private static CommandClient commands;
    /** The invariant checks read accounts and transfers (TELLER) and the projections' status (ADMIN). */
    private static String readerToken;

    private static LocalSystem system;
    /** The running scenario, whose clients must not outlive it when it fails: they would move the next one's target. */
    private static Scenario current;
    private static InvariantChecker checker;

    private static final List<String> UNTHROTTLED = List.of("-Dledgerline.rate-limit.requests-per-second=1000000",
            "-Dledgerline.rate-limit.burst=1000000");

    @BeforeAll
    static void startTheSystem() {
        Path checkout = Path.of(System.getProperty("user.dir")).getParent();
        LocalSystemOptions options = LocalSystemOptions.forProject(checkout)
                .withJars(jar("ledgerline.command-side.jar", checkout.resolve(LocalSystemOptions.COMMAND_SIDE_JAR)),
                        jar("ledgerline.query-side.jar", checkout.resolve(LocalSystemOptions.QUERY_SIDE_JAR)))
                // up to 64 clients share one subject (one address) and send as fast as they can: the
                // scenarios are about money under failures, so both services' rate limits are set beyond their reach
                .withJvmOptions(UNTHROTTLED, UNTHROTTLED);
        system = LocalSystem.start(options, message -> System.out.println("[system] " + message));
        commands = new CommandClient(system.devToken("reliability-setup", "TELLER"));
        // taken while the command side is up: some scenarios read while it is down
        readerToken = system.devToken("reliability-checker", "TELLER", "ADMIN");
        LocalStack stack = system.stack();
        checker = new InvariantChecker(
                new EventStore(() -> stack.postgresJdbcUrl("ledgerline_command"), stack.postgresUser(), stack.postgresPassword(),
                        system.keyEncryptionKeyFile()),
                new QuerySideReader(system.querySideUri(), readerToken),
                new SearchIndexReader(stack::elasticsearchUri));
    }

    private static Path jar(String property, Path defaultInCheckout) {
        String configured = System.getProperty(property);
        return configured != null ? Path.of(configured) : defaultInCheckout;
    }

    @AfterEach
    void stopTheScenariosClients() {
        if (current != null) {
            current.stopClients();
            current = null;
        }
    }

    @AfterAll
    static void reportAndStop() {
        System.out.println("[reliability] profile " + PROFILE);
        FIGURES.forEach(figures -> System.out.println("[reliability] " + figures.line()));
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void concurrentClientsOnHotAccountsLoseNoMoney() {
        Scenario scenario = begin("concurrency", List.of(system.commandSideUri()), UNPACED);
        scenario.awaitOperations(10L * PROFILE.operationsPerPhase());
        finish(scenario);
    }

    @Test
    @Order(2)
    void readModelsConvergeWithoutLossOrDoubleCountingAfterTheQuerySideIsKilled() {
        Scenario scenario = begin("query-side-kill", List.of(system.commandSideUri()), PROFILE.pacedRate());
        scenario.awaitOperations(PROFILE.operationsPerPhase());
        system.kill(QUERY_SIDE);
        try {
            // commands do not depend on the query side: no request may fail while it is down
            scenario.awaitOperations(PROFILE.operationsPerPhase());
        } finally {
            system.restart(QUERY_SIDE);
        }
        scenario.awaitOperations(PROFILE.operationsPerPhase());
        finish(scenario);
    }

    @Test
    @Order(3)
    void everyTransferEndsAfterTheCommandSideIsKilledMidTransfer() {
        Scenario scenario = begin("command-side-kill", List.of(system.commandSideUri()), PROFILE.pacedRate());
        scenario.awaitOperations(PROFILE.operationsPerPhase());
        Instant killedAt = killTheCommandSideMidTransfer(scenario);
        scenario.awaitOperations(PROFILE.operationsPerPhase());
        finish(scenario);
        long interrupted = checker.eventStore().ledger().transfersInFlightAt(killedAt);
        scenario.note(interrupted + " transfer(s) under way at the kill, all ended");
        assertThat(interrupted).as("transfers under way when the command side was killed").isPositive();
    }

    /**
     * A transfer seen under way may end in the moment before the kill lands; only the store, read
     * after the process is gone, tells whether the kill caught one. If not, the next attempt does.
     */
    private static Instant killTheCommandSideMidTransfer(Scenario scenario) {
        for (int attempt = 1; attempt <= MID_TRANSFER_KILL_ATTEMPTS; attempt++) {
            await("a transfer under way").atMost(CONVERGENCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> checker.eventStore().unfinishedTransfers() > 0);
            Instant killedAt = Instant.now();
            Disruption down = JOURNAL.disruption("command side killed", Set.of(system.commandSideUri()));
            system.kill(COMMAND_SIDE);
            long underWay;
            try {
                underWay = checker.eventStore().unfinishedTransfers();
            } finally {
                system.restart(COMMAND_SIDE);
                down.end();
            }
            scenario.note("kill " + attempt + ": down " + seconds(down.duration()) + ", " + underWay + " transfer(s) under way");
            if (underWay > 0) {
                return killedAt;
            }
        }
        throw new AssertionError("No kill of the command side caught a transfer under way in "
                + MID_TRANSFER_KILL_ATTEMPTS + " attempts");
    }

    @Test
    @Order(4)
    void commandsAreAcceptedWhileKafkaIsDownAndProjectedAfterwards() {
        Scenario scenario = begin("kafka-outage", List.of(system.commandSideUri()), PROFILE.pacedRate());
        scenario.awaitOperations(PROFILE.operationsPerPhase());
        // the event store is the system of record: commands must go on being accepted, so nothing is excused
        Disruption outage = JOURNAL.disruption("Kafka stopped", Set.of());
        system.stack().stopKafka();
        try {
            stayDown(scenario);
            assertThat(reader().accountStatus(scenario.accounts().get(0))).as("SQL reads while Kafka is down").isEqualTo(200);
        } finally {
            system.stack().startKafka();
            outage.end();
        }
        scenario.note("Kafka down " + seconds(outage.duration()));
        scenario.awaitOperations(PROFILE.operationsPerPhase());
        finish(scenario);
    }

    @Test
    @Order(5)
    void searchAnswers503WhileElasticsearchIsDownAndCatchesUpAfterwards() {
        Scenario scenario = begin("elasticsearch-outage", List.of(system.commandSideUri()), PROFILE.pacedRate());
        scenario.awaitOperations(PROFILE.operationsPerPhase());
        Disruption outage = JOURNAL.disruption("Elasticsearch stopped", Set.of());
        system.stack().stopElasticsearch();
        try {
            stayDown(scenario);
            String account = scenario.accounts().get(0);
            assertThat(reader().accountStatus(account)).as("SQL reads while Elasticsearch is down").isEqualTo(200);
            assertThat(reader().accountSearchStatus(account)).as("search while Elasticsearch is down").isEqualTo(503);
        } finally {
            system.stack().startElasticsearch();
            outage.end();
        }
        scenario.note("Elasticsearch down " + seconds(outage.duration()));
        scenario.awaitOperations(PROFILE.operationsPerPhase());
        finish(scenario);
    }

    @Test
    @Order(6)
    void commandsAnswer503WhilePostgresRestartsAndEverythingCatchesUp() {
        Scenario scenario = begin("postgres-restart", List.of(system.commandSideUri()), PROFILE.pacedRate());
        scenario.awaitOperations(PROFILE.operationsPerPhase());
        // one server holds both databases: the command side's event store goes down with the read model
        Disruption outage = JOURNAL.disruption("PostgreSQL restarted", Set.of(system.commandSideUri()));
        system.stack().stopPostgres();
        try {
            // a service waits for a database connection before it gives up, so this also keeps the database down a while
            String account = scenario.accounts().get(0);
            await("a clear answer from the query side while its database is down").atMost(Duration.ofMinutes(3))
                    .until(() -> reader().accountStatus(account), status -> status == 503);
            await("a clear answer from the command side while its database is down").atMost(Duration.ofMinutes(3))
                    .until(() -> JOURNAL.outcomes(scenario.name()).getOrDefault(Outcome.UNAVAILABLE, 0L) > 0
                            || !JOURNAL.violations(scenario.name()).isEmpty());
        } finally {
            system.stack().startPostgres();
        }
        scenario.awaitAccepted(PROFILE.clients());
        outage.end();
        scenario.note("PostgreSQL down " + seconds(outage.duration()));
        scenario.awaitOperations(PROFILE.operationsPerPhase());
        finish(scenario);
    }

    @Test
    @Order(7)
    void twoNodesOfEachSideShareTheWorkAndTakeOverFromAKilledOne() {
        CompletableFuture<URI> secondCommandSide = CompletableFuture.supplyAsync(system::startCommandSideInstance);
        CompletableFuture<URI> secondQuerySide = CompletableFuture.supplyAsync(system::startQuerySideInstance);
        URI commandSide2 = secondCommandSide.join();
        secondQuerySide.join();
        Scenario scenario = begin("scale-out", List.of(system.commandSideUri(), commandSide2), PROFILE.pacedRate());
        scenario.awaitOperations(PROFILE.operationsPerPhase());

        String bootstrap = system.stack().kafkaBootstrapServers();
        await("both query-side nodes share the SQL projection's partitions").atMost(CONVERGENCE)
                .until(() -> ConsumerGroups.partitionsPerMember(bootstrap, "ledgerline-query-sql"),
                        shares -> shares.size() == 2 && shares.get(0) >= 1 && shares.stream().mapToInt(Integer::intValue).sum() == 3);
        scenario.note("SQL projection partitions per query node " + ConsumerGroups.partitionsPerMember(bootstrap, "ledgerline-query-sql"));

        String holder = ownerNode(TRANSFER_SAGA);
        String victim = pidOf(COMMAND_SIDE).equals(holder) ? COMMAND_SIDE : COMMAND_SIDE + "-2";
        String survivor = victim.equals(COMMAND_SIDE) ? COMMAND_SIDE + "-2" : COMMAND_SIDE;
        assertThat(holder).as("the saga's token is held by one of the two command-side nodes").isIn(pidOf(COMMAND_SIDE), pidOf(COMMAND_SIDE + "-2"));
        String survivorPid = pidOf(survivor);
        Disruption killed = JOURNAL.disruption(victim + " killed", Set.of(system.serviceUri(victim)));
        long killedAt = System.nanoTime();
        system.kill(victim);
        await("the surviving command-side node claims both processors' tokens").atMost(CONVERGENCE)
                .until(() -> survivorPid.equals(ownerNode(TRANSFER_SAGA)) && survivorPid.equals(ownerNode(KAFKA_PUBLISHER)));
        scenario.note("command-side takeover of the saga and publisher tokens in " + seconds(Duration.ofNanos(System.nanoTime() - killedAt)));

        long queryKilledAt = System.nanoTime();
        system.kill(QUERY_SIDE + "-2");
        await("the surviving query-side node consumes all partitions").atMost(CONVERGENCE)
                .until(() -> ConsumerGroups.partitionsPerMember(bootstrap, "ledgerline-query-sql"), shares -> shares.equals(List.of(3)));
        scenario.note("query-side takeover of all 3 partitions in " + seconds(Duration.ofNanos(System.nanoTime() - queryKilledAt)));
        scenario.awaitOperations(PROFILE.operationsPerPhase());
        finish(scenario);
        killed.end();
    }

    private static Scenario begin(String name, List<URI> commandSides, double operationsPerSecond) {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < PROFILE.hotAccounts(); i++) {
            try {
                accounts.add(commands.openAccount(commandSides.get(0), "Hot Account " + name + " " + i));
            } catch (Exception e) {
                throw new IllegalStateException("Could not open the hot accounts of " + name, e);
            }
        }
        current = Scenario.start(name, JOURNAL, commandSides, accounts, PROFILE.clients(), operationsPerSecond);
        return current;
    }

    /** The outage lasts at least the profile's time, and until the clients met it with a phase of requests. */
    private static void stayDown(Scenario scenario) {
        long before = JOURNAL.operations(scenario.name()).size();
        await("the outage of " + scenario.name()).pollDelay(PROFILE.outage()).atMost(PROFILE.outage().plusMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> JOURNAL.operations(scenario.name()).size() >= before + PROFILE.operationsPerPhase());
    }

    /** Stops the clients, then requires every invariant to hold once the read models had time to converge. */
    private static void finish(Scenario scenario) {
        scenario.stopClients();
        List<String> requestViolations = JOURNAL.violations(scenario.name());
        List<String> last = new ArrayList<>();
        try {
            // a check reads the whole store and both read models, hence every 2 s; the first comes sooner, since the
            // read models often have little left to catch up with once the clients stopped
            await(scenario.name() + ": invariants").atMost(CONVERGENCE).pollDelay(Duration.ofMillis(500))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        last.clear();
                        last.addAll(checker.violations(JOURNAL, scenario.transferIds()));
                        return last.isEmpty();
                    });
        } catch (ConditionTimeoutException timeout) {
            // the assertion below fails with what still did not hold; the log shows it at once
            last.stream().limit(20).forEach(violation -> System.out.println("[reliability] " + scenario.name() + ": " + violation));
        }
        Ledger ledger = checker.eventStore().ledger();
        scenario.note("transfers " + scenario.transferIds().stream().map(ledger::transfer).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(TransferFacts::outcome, TreeMap::new, Collectors.counting())));
        ScenarioFigures figures = new ScenarioFigures(scenario.name(), JOURNAL.operations(scenario.name()).size(),
                JOURNAL.outcomes(scenario.name()), scenario.elapsed(), ledger.eventCount(), scenario.notes(),
                requestViolations.size() + last.size());
        FIGURES.add(figures);
        System.out.println("[reliability] " + figures.line());
        assertThat(requestViolations).as("answers of %s", scenario.name()).isEmpty();
        assertThat(last).as("invariants after %s", scenario.name()).isEmpty();
    }

    private static QuerySideReader reader() {
        return new QuerySideReader(system.querySideUri(), readerToken);
    }

    /** The process id in the owner of a processor's (only) token: Axon names nodes "pid@host/...". */
    private static String ownerNode(String processor) {
        List<String> owners = checker.eventStore().tokenOwners(processor);
        if (owners.size() != 1 || owners.get(0) == null) {
            return "";
        }
        return owners.get(0).substring(0, owners.get(0).indexOf('@'));
    }

    private static String pidOf(String service) {
        return String.valueOf(system.pid(service));
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
