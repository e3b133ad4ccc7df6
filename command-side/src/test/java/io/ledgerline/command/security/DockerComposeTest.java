package io.ledgerline.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container deployment: no password anyone could guess, nothing but the gateway reachable from the host, and
 * services that can be scaled with the gateway finding every replica.
 */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("..", "docker", "compose.yaml");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws Exception {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(reader).get("services");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishesOnlyTheGatewayToTheHostOnPort8080AndOnlyOnLoopback() {
        assertThat(services).containsKeys("postgres", "kafka", "elasticsearch", "command-side", "query-side", "gateway");
        services.forEach((name, service) -> {
            if (name.equals("gateway")) {
                assertThat((List<String>) service.get("ports")).as(name).containsExactly("127.0.0.1:8080:8080");
            } else {
                assertThat(service).as(name + " must not publish ports").doesNotContainKey("ports");
            }
        });
    }

    @Test
    void letsEitherSideRunAsSeveralReplicas() {
        for (String side : List.of("command-side", "query-side")) {
            // a fixed host port or container name would make `docker compose up --scale` refuse a second replica
            assertThat(services.get(side)).as(side).doesNotContainKeys("ports", "container_name");
        }
    }

    @Test
    void pointsTheGatewayAtEachSidesServiceNameResolvedToEveryReplica() {
        Map<String, Object> gateway = environment("gateway");
        assertThat(gateway).containsEntry("LEDGERLINE_GATEWAY_RESOLVE_EVERY_ADDRESS", "true");
        assertThat(gateway.get("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_COMMAND_SIDE_0_URI"))
                .isEqualTo("http://command-side:" + environment("command-side").get("SERVER_PORT"));
        assertThat(gateway.get("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_QUERY_SIDE_0_URI"))
                .isEqualTo("http://query-side:" + environment("query-side").get("SERVER_PORT"));
        // one name per side: listing replicas one by one would miss those added by a later --scale
        assertThat(gateway.keySet()).noneMatch(name -> name.matches("SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_.*_[1-9]_URI"));
        assertThat(String.valueOf(gateway.get("JAVA_TOOL_OPTIONS"))).as("a short DNS cache, so new replicas are found")
                .contains("-Dsun.net.inetaddr.ttl=");
    }

    @Test
    void sendsClientsLinksThroughTheGateway() {
        assertThat(environment("command-side")).containsEntry("LEDGERLINE_LINKS_QUERY_BASE_URL", "http://localhost:8080");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) services.get(service).getOrDefault("environment", Map.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void takesEveryPasswordFromAVariableThatMustBeSet() {
        List<String> passwords = services.values().stream()
                .map(service -> (Map<String, Object>) service.getOrDefault("environment", Map.of()))
                .flatMap(environment -> environment.entrySet().stream())
                .filter(variable -> variable.getKey().endsWith("PASSWORD"))
                .map(variable -> variable.getKey() + "=" + variable.getValue())
                .toList();

        assertThat(passwords).hasSizeGreaterThanOrEqualTo(6).allSatisfy(password ->
                assertThat(password).as("no default, refused when unset").matches("[A-Z_]+=\\$\\{[A-Z_]+:\\?[^}]+}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void letsTheQuerySidesReconciliationReadTheEventStoreAsTheLoginTheDatabaseCreates() throws Exception {
        Map<String, Object> query = (Map<String, Object>) services.get("query-side").get("environment");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres").get("environment");
        String init = Files.readString(Path.of("..", "docker", "postgres", "init-databases.sh"));

        assertThat(query).containsEntry("LEDGERLINE_RECONCILIATION_EVENT_STORE_URL",
                "jdbc:postgresql://postgres:5432/ledgerline_command");
        assertThat(query).containsEntry("LEDGERLINE_RECONCILIATION_EVENT_STORE_USERNAME", "ledgerline_event_reader");
        assertThat(query.get("LEDGERLINE_RECONCILIATION_EVENT_STORE_PASSWORD"))
                .as("the password the database gives the login").isEqualTo(postgres.get("EVENT_READER_PASSWORD"));
        // its group's only privilege, SELECT on the event table, comes from the command side's migration V13
        assertThat(init).contains("CREATE ROLE event_store_reader NOLOGIN;",
                "CREATE ROLE ledgerline_event_reader LOGIN PASSWORD :'event_reader_password' IN ROLE event_store_reader;",
                "-v event_reader_password=\"$EVENT_READER_PASSWORD\"");
    }
}
