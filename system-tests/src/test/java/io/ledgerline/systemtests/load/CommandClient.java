package io.ledgerline.systemtests.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.apidocs.ContractCheckedHttpClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The command API over HTTP, as a client application would call it. */
public final class CommandClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Long enough to outlast a database connection wait on the server, so a slow answer still arrives. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(45);

    private final HttpClient http = ContractCheckedHttpClient.of(HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build(), ApiContract.commandSide());
    private final String token;

    /** @param token the bearer token of this client's subject, with the role TELLER */
    public CommandClient(String token) {
        this.token = token;
    }

    public record Answer(int status, String body) {

        public String code() {
            try {
                return JSON.readTree(body).path("code").asText("");
            } catch (IOException e) {
                return "";
            }
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    public Answer deposit(URI commandSide, String accountId, String amount, String description) throws IOException, InterruptedException {
        return post(commandSide.resolve("/api/accounts/" + accountId + "/deposits"),
                "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"description\":\"" + description + "\"}");
    }

    public Answer withdraw(URI commandSide, String accountId, BigDecimal amount, String description) throws IOException, InterruptedException {
        return post(commandSide.resolve("/api/accounts/" + accountId + "/withdrawals"),
                "{\"amount\":\"" + amount.toPlainString() + "\",\"currency\":\"EUR\",\"description\":\"" + description + "\"}");
    }

    public Answer transfer(URI commandSide, String transferId, String from, String to, BigDecimal amount) throws IOException, InterruptedException {
        return post(commandSide.resolve("/api/transfers"), "{\"transferId\":\"" + transferId + "\",\"fromAccountId\":\"" + from
                + "\",\"toAccountId\":\"" + to + "\",\"amount\":\"" + amount.toPlainString() + "\",\"currency\":\"EUR\"}");
    }

    /** A customer with one EUR account without overdraft; fails unless both are created. */
    public String openAccount(URI commandSide, String ownerName) throws IOException, InterruptedException {
        String unique = UUID.randomUUID().toString();
        Answer customer = post(commandSide.resolve("/api/customers"),
                "{\"name\":\"" + ownerName + "\",\"email\":\"load-" + unique + "@example.org\"}");
        require(customer, 201);
        Answer account = post(commandSide.resolve("/api/accounts"),
                "{\"customerId\":\"" + customer.json().path("customerId").asText() + "\",\"currency\":\"EUR\"}");
        require(account, 201);
        return account.json().path("accountId").asText();
    }

    private static void require(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("Expected " + status + " but got " + answer.status() + ": " + answer.body());
        }
    }

    private Answer post(URI uri, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
