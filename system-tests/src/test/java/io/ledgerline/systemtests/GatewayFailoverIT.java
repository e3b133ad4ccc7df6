package io.ledgerline.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.launch.DevTokens;
import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.localstack.launch.LocalSystemOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
 * booked exactly once.
 */
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
            assertThat(load.failures).as("answers 5xx, or none, through the gateway").isEmpty();
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
