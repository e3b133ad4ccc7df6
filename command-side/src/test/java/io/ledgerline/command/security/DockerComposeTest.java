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

/** The container deployment: no password anyone could guess, nothing but the two services reachable from the host. */
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
    void publishesOnlyTheGatewayAndTheTwoServicesToTheHostAndOnlyOnLoopback() {
        assertThat(services).containsKeys("postgres", "kafka", "elasticsearch", "command-side", "query-side", "gateway");
        services.forEach((name, service) -> {
            if (name.endsWith("-side") || name.equals("gateway")) {
                assertThat((List<String>) service.get("ports")).as(name).isNotEmpty()
                        .allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
            } else {
                assertThat(service).as(name + " must not publish ports").doesNotContainKey("ports");
            }
        });
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

        assertThat(passwords).hasSizeGreaterThanOrEqualTo(4).allSatisfy(password ->
                assertThat(password).as("no default, refused when unset").matches("[A-Z_]+=\\$\\{[A-Z_]+:\\?[^}]+}"));
    }
}
