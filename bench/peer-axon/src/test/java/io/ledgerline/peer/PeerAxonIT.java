package io.ledgerline.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.localstack.InfrastructureEndpoints;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** The peer as the benchmark drives it: over HTTP, against its own database on a real PostgreSQL. */
@RealInfrastructure(database = PeerAxonIT.DATABASE, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeerAxonIT {

    static final String DATABASE = "ledgerline_peer";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** The peer keeps its events in a database of its own, as the benchmark gives it one; runs before Spring starts. */
    @BeforeAll
    static void createTheDatabase() throws Exception {
        InfrastructureEndpoints stack = RealInfrastructureExtension.stack();
        try (Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl("postgres"), stack.postgresUser(),
                stack.postgresPassword());
             Statement statement = connection.createStatement();
             ResultSet existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!existing.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    private int post(String path, String json) {
        return http().post().uri(path).header("Content-Type", "application/json").body(json).retrieve()
                .toBodilessEntity().getStatusCode().value();
    }

    private List<String> storedPayloadTypes(String accountId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, accountId);
    }

    @Test
    void opensAnAccountAndBooksDepositsIntoItsEventStore() {
        String account = UUID.randomUUID().toString();

        assertThat(post("/accounts/" + account, "{\"currency\":\"EUR\"}")).isEqualTo(201);
        assertThat(post("/accounts/" + account + "/deposits", "{\"amount\":\"12.50\"}")).isEqualTo(200);
        assertThat(post("/accounts/" + account + "/deposits", "{\"amount\":\"0.01\"}")).isEqualTo(200);

        assertThat(storedPayloadTypes(account)).containsExactly("io.ledgerline.peer.account.AccountOpened",
                "io.ledgerline.peer.account.MoneyDeposited", "io.ledgerline.peer.account.MoneyDeposited");
    }

    @Test
    void refusesANonPositiveAmountWith400AndStoresNothing() {
        String account = UUID.randomUUID().toString();
        post("/accounts/" + account, "{\"currency\":\"EUR\"}");

        var refusal = http().post().uri("/accounts/" + account + "/deposits").header("Content-Type", "application/json")
                .body("{\"amount\":\"0\"}").retrieve().toEntity(String.class);

        assertThat(refusal.getStatusCode().value()).isEqualTo(400);
        assertThat(refusal.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refusal.getBody()).contains("\"code\":\"NON_POSITIVE_AMOUNT\"");
        assertThat(post("/accounts/" + account + "/deposits", "{\"amount\":\"-1.00\"}")).isEqualTo(400);
        assertThat(storedPayloadTypes(account)).containsExactly("io.ledgerline.peer.account.AccountOpened");
    }

    @Test
    void answersADepositToAnUnknownAccountWith404AndStoresNothing() {
        String unknown = UUID.randomUUID().toString();

        var refusal = http().post().uri("/accounts/" + unknown + "/deposits").header("Content-Type", "application/json")
                .body("{\"amount\":\"1.00\"}").retrieve().toEntity(String.class);

        assertThat(refusal.getStatusCode().value()).isEqualTo(404);
        assertThat(refusal.getBody()).contains("\"code\":\"ACCOUNT_NOT_FOUND\"");
        assertThat(storedPayloadTypes(unknown)).isEmpty();
    }

    @Test
    void refusesOpeningAnAccountTwiceWith409() {
        String account = UUID.randomUUID().toString();
        post("/accounts/" + account, "{\"currency\":\"EUR\"}");

        assertThat(post("/accounts/" + account, "{\"currency\":\"EUR\"}")).isEqualTo(409);
        assertThat(storedPayloadTypes(account)).hasSize(1);
    }
}
