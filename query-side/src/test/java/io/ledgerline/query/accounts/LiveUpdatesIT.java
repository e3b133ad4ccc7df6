package io.ledgerline.query.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.support.security.Roles;
import io.ledgerline.support.security.devtokens.DevTokenIssuer;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.apidocs.ContractCheckedHttpClient;
import io.ledgerline.testsupport.security.TestTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Live updates over HTTP: how many streams a caller may hold, and that a stream ends with its token. */
class LiveUpdatesIT extends QuerySideIT {

    @Autowired
    TestTokens tokens;

    @Autowired
    DevTokenIssuer issuer;

    @LocalServerPort
    int port;

    private final HttpClient client = ContractCheckedHttpClient.of(HttpClient.newHttpClient(), ApiContract.querySide());

    @Test
    void aCallersSixthStreamIsRefusedUntilOneOfTheFiveEnds() throws Exception {
        CustomerId owner = ledger.customer("Streams", "streams@example.org");
        AccountId account = ledger.account(owner, "EUR");
        eventually("/api/accounts/{id}", found -> true, account);
        String token = tokens.token("streamer-" + UUID.randomUUID(), List.of(Roles.CUSTOMER), owner.toString());
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<InputStream> stream = stream(account, token);
                open.add(stream);
                assertThat(stream.statusCode()).as("stream " + (i + 1)).isEqualTo(200);
            }

            HttpResponse<InputStream> sixth = stream(account, token);

            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(sixth.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            String problem = new String(sixth.body().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json.readTree(problem).path("code").asText()).isEqualTo("TOO_MANY_STREAMS");
            String other = tokens.token("streamer-" + UUID.randomUUID(), List.of(Roles.CUSTOMER), owner.toString());
            HttpResponse<InputStream> othersFirst = stream(account, other);
            open.add(othersFirst);
            assertThat(othersFirst.statusCode()).as("another caller's stream").isEqualTo(200);

            open.remove(0).body().close();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                HttpResponse<InputStream> again = stream(account, token);
                if (again.statusCode() == 200) {
                    open.add(again);
                    return true;
                }
                again.body().close();
                return false;
            });
        } finally {
            for (HttpResponse<InputStream> stream : open) {
                stream.body().close();
            }
        }
    }

    @Test
    void aStreamEndsWithAReconnectEventWhenItsTokenExpires() throws Exception {
        AccountId account = ledger.account(ledger.customer("Expiring", "expiring@example.org"), "EUR");
        eventually("/api/accounts/{id}", found -> true, account);
        String shortLived = issuer.issue("expiring-" + UUID.randomUUID(), List.of(Roles.TELLER), Optional.empty(),
                Optional.of(Duration.ofSeconds(3))).token();
        HttpResponse<InputStream> stream = stream(account, shortLived);
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Thread reader = new Thread(() -> readLines(stream, lines, ended), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(20)).untilTrue(ended);

            String last = lines.stream().filter(line -> line.startsWith("event:")).reduce((first, second) -> second)
                    .orElseThrow();
            assertThat(last).as("the last event").isEqualTo("event:reconnect");
            assertThat(String.join("\n", lines)).contains("TOKEN_EXPIRED");
        } finally {
            stream.body().close();
        }
    }

    private HttpResponse<InputStream> stream(AccountId account, String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/accounts/" + account + "/events"))
                .header("Accept", "text/event-stream, application/problem+json")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static void readLines(HttpResponse<InputStream> stream, List<String> lines, AtomicBoolean ended) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
            ended.set(true);
        } catch (IOException closed) {
            // the test closed the stream
        }
    }
}
