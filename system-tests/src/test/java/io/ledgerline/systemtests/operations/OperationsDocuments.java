package io.ledgerline.systemtests.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The committed dashboard and alert rules under docs/operations/, and the PromQL expressions they hold. */
final class OperationsDocuments {

    static final Path DIRECTORY = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/operations");
    static final Path ALERT_RULES = DIRECTORY.resolve("ledgerline-alerts.yaml");
    static final Path DASHBOARD = DIRECTORY.resolve("ledgerline-dashboard.json");

    /** Metrics of the gateway, which no service of this build serves yet: the rules wait for them. */
    static final Set<String> EXPECTED_LATER = Set.of("resilience4j_circuitbreaker_state");

    private OperationsDocuments() {
    }

    static JsonNode alertRules() {
        return read(ALERT_RULES, new ObjectMapper(new YAMLFactory()));
    }

    static JsonNode dashboard() {
        return read(DASHBOARD, new ObjectMapper());
    }

    /** Every expression by where it stands: "alert NAME" or "panel TITLE #refId". */
    static Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode group : alertRules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                expressions.put("alert " + rule.path("alert").asText(rule.path("record").asText()), rule.path("expr").asText());
            }
        }
        for (JsonNode panel : dashboard().path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put("panel " + panel.path("title").asText() + " #" + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        return expressions;
    }

    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        expressions().values().forEach(expression -> names.addAll(PromQl.metricNames(expression)));
        return names;
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
