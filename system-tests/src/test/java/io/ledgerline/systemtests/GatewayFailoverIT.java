package io.ledgerline.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.launch.DevTokens;
import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.localstack.launch.LocalSystemOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes of each side behind the gateway, as {@code ./run-local --nodes 2} runs them, under a modest load of
 * deposits (each with an Idempotency-Key) and reads, all through the gateway. One node of each side is killed with
 * SIGKILL mid-load: no request is answered 5xx, the load goes on on the survivors, and every accepted deposit is
 * booked exactly once. Then, on the same running system (a system start costs minutes): both query nodes down open
 * the query side's breaker and up again close it; and one subject's rate limit holds across both query nodes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayFailoverIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Above the gateway's time limit for commands (45 s), so the gateway's answer is what the client sees. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration EVENTUALLY = Duration.ofMinutes(3);
    private static final int ACCOUNTS = 8;
    private static final int CLIENTS = 4;
    private static final int OPERATIONS_PER_PHASE = 150;
    private static final BigDecimal DEPOSIT = new BigDecimal("1.00");
    /** The gateway's health-check round (2 s) and its breakers' open state (5 s), with room for a loaded machine. */
    private static final Duration BREAKER_BOUND = Duration.ofSeconds(30);
    /** A GET refused by the gateway itself waits on nothing. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(2);
    private static final int QUERY_BURST = 20;

    private static LocalSystem system;
    private static URI gateway;
    private static String token;

    @BeforeAll
    static void startTwoNodesOfEachSideBehindTheGateway() {
        LocalSystemOptions options = LocalSystemOptions.forProject(Path.of(System.getProperty("user.dir")).getParent())
                .withGateway(0);
        system = LocalSystem.start(options, message -> System.out.println("[system] " + message));
        system.startMoreNodes(List.of(0), List.of(0));
        gateway = system.startGateway();
        token = DevTokens.request(gateway, "failover-teller", List.of("TELLER"), null);
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void killingOneNodeOfEachSideLosesNoRequestAndBooksEveryAcceptedDepositOnce() throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(openAccount());
        }
        Load load = new Load(accounts);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(load::run);
            }
            await("load on all four nodes").atMost(EVENTUALLY).until(() -> load.done.get() >= OPERATIONS_PER_PHASE);

            system.kill(LocalSystem.COMMAND_SIDE + "-2");
            system.kill(LocalSystem.QUERY_SIDE + "-2");
            int atTheKill = load.done.get();
            int acceptedAtTheKill = load.accepted.get();

            await("load on the surviving nodes").atMost(EVENTUALLY)
                    .until(() -> load.done.get() >= atTheKill + OPERATIONS_PER_PHASE);
            load.stop();
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

            System.out.printf("[failover] %d rounds (deposit + read) before the kill, %d after; %d deposits accepted, %d of them "
                    + "after the kill; %d answers 5xx or none%n", atTheKill, load.done.get() - atTheKill, load.accepted.get(),
                    load.accepted.get() - acceptedAtTheKill, load.failures.size());
            assertThat(load.failures).as(() -> "answers 5xx, or none, through the gateway; the services logged:\n"
                    + ServiceLogErrors.in(system.logDirectory())).isEmpty();
            assertThat(load.accepted.get()).as("deposits accepted after the kill, so by the surviving command node")
                    .isGreaterThan(acceptedAtTheKill);
            assertThat(system.querySideUris()).hasSize(2);
        } finally {
            load.stop();
            clients.shutdownNow();
        }

        for (String account : accounts) {
            BigDecimal expected = DEPOSIT.multiply(BigDecimal.valueOf(load.acceptedOn(account)));
            await("the balance of " + account + " holding each accepted deposit once").atMost(EVENTUALLY)
                    .untilAsserted(() -> assertThat(balance(account)).isEqualByComparingTo(expected));
        }
    }

    @Test
    @Order(2)
    void stoppingBothQueryNodesOpensTheQueryBreakerAndStartingThemAgainClosesIt() throws Exception {
        String account = openAccount();
        String admin = DevTokens.request(gateway, "failover-admin", List.of("ADMIN"), null);
        List<String> queryNodes = List.of(LocalSystem.QUERY_SIDE, LocalSystem.QUERY_SIDE + "-2");
        // the first test left the second one killed; killing a dead process again changes nothing
        queryNodes.forEach(system::kill);

        long stopped = System.nanoTime();
        await("the query side's breaker open").atMost(BREAKER_BOUND).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertRefusedQuickly(account);
            return breakerState(admin).equals("OPEN");
        });
        System.out.printf("[breaker] open %.1f s after both query nodes were killed%n", (System.nanoTime() - stopped) / 1e9);
        HttpResponse<String> whileOpen = assertRefusedQuickly(account);
        assertThat(JSON.readTree(whileOpen.body()).path("detail").asText()).contains("query-side is failing");

        CompletableFuture.allOf(queryNodes.stream()
                .map(node -> CompletableFuture.runAsync(() -> system.restart(node)))
                .toArray(CompletableFuture[]::new)).join();
        long ready = System.nanoTime();
        await("the query side's breaker closed and GETs answered").atMost(BREAKER_BOUND).untilAsserted(() -> {
            assertThat(send(HttpRequest.newBuilder(gateway.resolve("/api/accounts/" + account)).GET()).statusCode())
                    .isEqualTo(200);
            assertThat(breakerState(admin)).isEqualTo("CLOSED");
        });
        System.out.printf("[breaker] closed, GETs answered 200, %.1f s after both query nodes were ready again%n",
                (System.nanoTime() - ready) / 1e9);
        assertThat(breakerState(admin, "command-side")).isEqualTo("CLOSED");
    }

    @Test
    @Order(3)
    void oneSubjectsRateLimitHoldsAcrossBothQueryNodes() throws Exception {
        String account = openAccount();
        // a small limit for this test only: the load of the first test would run into it
        gateway = system.restartGateway(List.of(
                "--ledgerline.gateway.rate-limit.queries.burst=" + QUERY_BURST,
                "--ledgerline.gateway.rate-limit.queries.requests-per-second=0.01"));
        String admin = DevTokens.request(gateway, "rate-limit-admin", List.of("ADMIN"), null);
        String reader = DevTokens.request(gateway, "rate-limited-reader", List.of("TELLER"), null);
        // another subject, with a bucket of its own: the restarted gateway takes the nodes into its rotation at its
        // first health-check round
        String warmUp = DevTokens.request(gateway, "rate-limit-warm-up", List.of("TELLER"), null);
        await("the query nodes in the restarted gateway's rotation").atMost(EVENTUALLY).untilAsserted(() -> {
            HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/api/accounts/" + account))
                    .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + warmUp).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        });
        List<URI> queryNodes = system.querySideUris();
        assertThat(queryNodes).hasSize(2);
        List<Long> servedBefore = queryNodes.stream().map(node -> accountReadsServedBy(node, admin)).toList();

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 2 * QUERY_BURST; i++) {
            answers.add(HTTP.send(HttpRequest.newBuilder(gateway.resolve("/api/accounts/" + account)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + reader).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(answers.subList(0, QUERY_BURST)).extracting(HttpResponse::statusCode).containsOnly(200);
        for (HttpResponse<String> refused : answers.subList(QUERY_BURST, answers.size())) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        }
        List<Long> served = new ArrayList<>();
        for (int i = 0; i < queryNodes.size(); i++) {
            served.add(accountReadsServedBy(queryNodes.get(i), admin) - servedBefore.get(i));
        }
        System.out.printf("[rate limit] %d GETs of one subject, %d answered, served by the query nodes: %s%n",
                answers.size(), QUERY_BURST, served);
        assertThat(served).as("the limit's worth, spread over both query nodes").allMatch(count -> count > 0);
        assertThat(served.stream().mapToLong(Long::longValue).sum()).isEqualTo(QUERY_BURST);
    }

    /** A GET through the gateway while no query node runs: its own 503, at once. */
    private static HttpResponse<String> assertRefusedQuickly(String account) throws IOException, InterruptedException {
        long sent = System.nanoTime();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(gateway.resolve("/api/accounts/" + account)).GET());
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(REFUSED_WITHIN);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        return answer;
    }

    private static String breakerState(String adminToken) throws IOException, InterruptedException {
        return breakerState(adminToken, "query-side");
    }

    /** The state the gateway's actuator shows ADMIN. */
    private static String breakerState(String adminToken, String side) throws IOException, InterruptedException {
        HttpResponse<String> states = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/actuator/circuitbreakers"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + adminToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(states.statusCode()).as(states.body()).isEqualTo(200);
        return JSON.readTree(states.body()).at("/circuitBreakers/" + side + "/state").asText();
    }

    /** How many reads of one account a query node answered 200, from its own metrics. */
    private static long accountReadsServedBy(URI node, String adminToken) {
        try {
            HttpResponse<String> metric = HTTP.send(HttpRequest.newBuilder(node.resolve(
                            "/actuator/metrics/http.server.requests?tag=uri:/api/accounts/%7BaccountId%7D&tag=status:200"))
                    .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + adminToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (metric.statusCode() == 404) {
                return 0;
            }
            assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
            for (JsonNode measurement : JSON.readTree(metric.body()).path("measurements")) {
                if (measurement.path("statistic").asText().equals("COUNT")) {
                    return measurement.path("value").asLong();
                }
            }
            throw new AssertionError("No COUNT in " + metric.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Clients that deposit and read in turns until stopped; a deposit that answers 2xx is counted as accepted. */
    private static final class Load {

        final List<String> accounts;
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        final Map<String, AtomicInteger> acceptedPerAccount = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicBoolean stopped = new AtomicBoolean();

        Load(List<String> accounts) {
            this.accounts = accounts;
            accounts.forEach(account -> acceptedPerAccount.put(account, new AtomicInteger()));
        }

        void run() {
            while (!stopped.get()) {
                String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
                try {
                    HttpResponse<String> deposit = send(HttpRequest.newBuilder(
                                    gateway.resolve("/api/accounts/" + account + "/deposits"))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"amount\":\"" + DEPOSIT + "\",\"currency\":\"EUR\",\"description\":\"failover\"}")));
                    record("POST deposit", deposit);
                    if (deposit.statusCode() / 100 == 2) {
                        accepted.incrementAndGet();
                        acceptedPerAccount.get(account).incrementAndGet();
                    }
                    record("GET account", send(HttpRequest.newBuilder(gateway.resolve("/api/accounts/" + account)).GET()));
                } catch (IOException e) {
                    failures.add(account + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                done.incrementAndGet();
            }
        }

        private void record(String what, HttpResponse<String> response) {
            if (response.statusCode() >= 500) {
                failures.add(what + " " + response.uri() + ": " + response.statusCode() + " " + response.body());
            }
        }

        int acceptedOn(String account) {
            return acceptedPerAccount.get(account).get();
        }

        void stop() {
            stopped.set(true);
        }
    }

    private static String openAccount() throws IOException, InterruptedException {
        HttpResponse<String> customer = send(HttpRequest.newBuilder(gateway.resolve("/api/customers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Failover Customer\",\"email\":\"failover-"
                        + UUID.randomUUID() + "@example.org\"}")));
        assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
        HttpResponse<String> account = send(HttpRequest.newBuilder(gateway.resolve("/api/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"" + JSON.readTree(customer.body())
                        .path("customerId").asText() + "\",\"currency\":\"EUR\"}")));
        assertThat(account.statusCode()).as(account.body()).isEqualTo(201);
        String accountId = JSON.readTree(account.body()).path("accountId").asText();
        await("account " + accountId + " in the read model").atMost(EVENTUALLY).until(() -> send(
                HttpRequest.newBuilder(gateway.resolve("/api/accounts/" + accountId)).GET()).statusCode() == 200);
        return accountId;
    }

    private static BigDecimal balance(String accountId) throws IOException, InterruptedException {
        HttpResponse<String> account = send(HttpRequest.newBuilder(gateway.resolve("/api/accounts/" + accountId)).GET());
        assertThat(account.statusCode()).as(account.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(account.body());
        return new BigDecimal(json.path("balance").asText());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
