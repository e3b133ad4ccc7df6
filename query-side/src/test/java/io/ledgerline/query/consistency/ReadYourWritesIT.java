package io.ledgerline.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.support.security.Roles;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.apidocs.ContractCheckedHttpClient;
import io.ledgerline.testsupport.security.TestTokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ReadYourWritesIT extends QuerySideIT {

    @Autowired
    TestTokens tokens;

    @LocalServerPort
    int port;

    @Value("${ledgerline.read-your-writes.timeout:5s}")
    Duration bound;

    @Value("${ledgerline.read-your-writes.max-waits-per-subject:128}")
    int maxWaitsPerSubject;

    private final HttpClient client = ContractCheckedHttpClient.of(HttpClient.newHttpClient(), ApiContract.querySide());

    @Test
    void waitsForTheRequestedVersionAndAnswersWithIt() throws Exception {
        AccountId account = ledger.account(ledger.customer("Wait", "wait@example.org"), "EUR");
        eventually("/api/accounts/{id}", found -> true, account);

        CompletableFuture<ResponseEntity<String>> read = CompletableFuture.supplyAsync(
                () -> http.getForEntity("/api/accounts/{id}?minVersion=1", String.class, account));
        ledger.deposit(account, "12.00 EUR", "12.00 EUR", "after the read began");
        ResponseEntity<String> response = read.get();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode view = body(response);
        assertThat(view.path("version").asLong()).isEqualTo(1);
        assertThat(view.path("balance").asText()).isEqualTo("12.00");
        assertThat(response.getHeaders().getETag()).isEqualTo("\"1\"");
    }

    @Test
    void saysClearlyWhenTheVersionIsNotProjectedInTime() throws Exception {
        AccountId account = ledger.account(ledger.customer("Late", "late@example.org"), "EUR");
        eventually("/api/accounts/{id}", found -> true, account);

        ResponseEntity<String> response = http.getForEntity("/api/accounts/{id}?minVersion=7", String.class, account);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode problem = body(response);
        assertThat(problem.path("code").asText()).isEqualTo("VERSION_NOT_YET_PROJECTED");
        assertThat(problem.path("requestedVersion").asLong()).isEqualTo(7);
        assertThat(problem.path("projectedVersion").asLong()).isZero();
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void aCustomersWaitOnAnotherCustomersAccountAnswersLikeAnUnknownIdAfterTheFullBound() throws Exception {
        AccountId others = ledger.account(ledger.customer("Other", "other@example.org"), "EUR");
        eventually("/api/accounts/{id}", found -> true, others);
        String stranger = tokens.token("stranger-" + UUID.randomUUID(), List.of(Roles.CUSTOMER),
                UUID.randomUUID().toString());

        CompletableFuture<Timed> onOthers = timed(stranger, "/api/accounts/" + others + "?minVersion=1");
        // the other account reaches the awaited version while the stranger waits
        ledger.deposit(others, "5.00 EUR", "5.00 EUR", "during the stranger's wait");
        eventually("/api/accounts/{id}", found -> found.path("version").asLong() == 1, others);
        Timed other = onOthers.get();
        AccountId unknown = AccountId.of(UUID.randomUUID().toString());
        Timed never = timed(stranger, "/api/accounts/" + unknown + "?minVersion=1").get();

        assertThat(other.status()).isEqualTo(never.status()).isEqualTo(409);
        // every answer names its own request's trace; apart from that and the id they must not differ
        assertThat(withoutTraceId(other.body().replace(others.toString(), "<id>")))
                .isEqualTo(withoutTraceId(never.body().replace(unknown.toString(), "<id>")));
        assertThat(other.took()).as("waited its full bound, whatever the account did").isGreaterThanOrEqualTo(bound);
        assertThat(never.took()).isGreaterThanOrEqualTo(bound);
    }

    @Test
    void aSubjectWaitsForAtMostItsShareOfVersionsAtOnce() throws Exception {
        String impatient = tokens.token("impatient-" + UUID.randomUUID(), List.of(Roles.TELLER), null);
        String path = "/api/accounts/" + UUID.randomUUID() + "?minVersion=0";

        List<CompletableFuture<Timed>> sent = IntStream.rangeClosed(0, maxWaitsPerSubject)
                .mapToObj(i -> timed(impatient, path)).toList();
        List<Timed> answers = sent.stream().map(CompletableFuture::join).toList();

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Timed::status, Collectors.counting()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(409, (long) maxWaitsPerSubject, 429, 1L));
        Timed refused = answers.stream().filter(answer -> answer.status() == 429).findFirst().orElseThrow();
        assertThat(json.readTree(refused.body()).path("code").asText()).isEqualTo("TOO_MANY_WAITS");
        assertThat(refused.took()).as("refused at once, not after a wait").isLessThan(bound);
        assertThat(timed(impatient, path).get().status()).as("the ended waits made room again").isEqualTo(409);
    }

    @Test
    void waitsForATransfersOutcome() throws Exception {
        io.ledgerline.events.CustomerId owner = ledger.customer("Mover", "mover@example.org");
        AccountId from = ledger.account(owner, "EUR");
        AccountId to = ledger.account(owner, "EUR");
        ledger.deposit(from, "9.00 EUR", "9.00 EUR", "top up");
        io.ledgerline.events.TransferId transfer = ledger.transfer(from, "4.00 EUR", to, "5.00 EUR", "5.00 EUR");

        ResponseEntity<String> response = http.getForEntity("/api/transfers/{id}?awaitOutcome=true", String.class,
                transfer);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body(response).path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void pushesTheAccountAsItChanges() throws Exception {
        AccountId account = ledger.account(ledger.customer("Live", "live@example.org"), "USD");
        eventually("/api/accounts/{id}", found -> true, account);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpClient client = ContractCheckedHttpClient.of(HttpClient.newHttpClient(), ApiContract.querySide());
        HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/accounts/" + account + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + tokens.staff()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> readEvents(stream, received), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(data -> data.contains("\"version\":0")));

            ledger.deposit(account, "3.00 USD", "3.00 USD", "live");

            await().atMost(EVENTUALLY).until(() -> received.stream()
                    .anyMatch(data -> data.contains("\"balance\":\"3.00\"") && data.contains("\"version\":1")));
        } finally {
            stream.body().close();
        }
    }

    private record Timed(int status, String body, Duration took) {
    }

    private CompletableFuture<Timed> timed(String token, String path) {
        long started = System.nanoTime();
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Timed(response.statusCode(), response.body(),
                        Duration.ofNanos(System.nanoTime() - started)));
    }

    private static void readEvents(HttpResponse<java.io.InputStream> stream, List<String> received) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    received.add(line.substring("data:".length()));
                }
            }
        } catch (java.io.IOException closed) {
            // the test closed the stream
        }
    }

    private static String withoutTraceId(String problem) {
        return problem.replaceAll("\"traceId\":\"[0-9a-f]{32}\"", "\"traceId\":\"<trace>\"");
    }
}
