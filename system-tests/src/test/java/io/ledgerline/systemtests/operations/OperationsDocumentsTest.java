package io.ledgerline.systemtests.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What {@code promtool check rules} checks of the alert rules, in Java because the build promises a
 * JDK and Maven only, and the dashboard's shape for Grafana's import. Whether the metrics exist is
 * OperationsDocumentsIT's part, against the running services.
 */
class OperationsDocumentsTest {

    private static final Set<String> GROUP_KEYS = Set.of("name", "interval", "rules", "limit", "query_offset");
    private static final Set<String> RULE_KEYS = Set.of("alert", "record", "expr", "for", "keep_firing_for", "labels",
            "annotations");
    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Nested
    class AlertRules {

        @Test
        void haveUniquelyNamedGroupsOfRulesWithOnlyTheFieldsPrometheusKnows() {
            List<String> problems = new ArrayList<>();
            Set<String> groups = new HashSet<>();
            Set<String> alerts = new HashSet<>();
            JsonNode all = OperationsDocuments.alertRules().path("groups");
            assertThat(all.isArray() && !all.isEmpty()).as("a non-empty list 'groups'").isTrue();
            for (JsonNode group : all) {
                String name = group.path("name").asText("");
                check(problems, !name.isBlank() && groups.add(name), "group name missing or repeated: " + name);
                group.fieldNames().forEachRemaining(key -> check(problems, GROUP_KEYS.contains(key),
                        "group " + name + ": unknown field " + key));
                check(problems, group.path("rules").isArray() && !group.path("rules").isEmpty(), "group " + name + ": no rules");
                for (JsonNode rule : group.path("rules")) {
                    String alert = rule.path("alert").asText("");
                    check(problems, rule.has("alert") != rule.has("record"), "rule in " + name + ": one of alert or record");
                    check(problems, LABEL_NAME.matcher(alert).matches() && alerts.add(alert), "alert name invalid or repeated: " + alert);
                    rule.fieldNames().forEachRemaining(key -> check(problems, RULE_KEYS.contains(key),
                            "alert " + alert + ": unknown field " + key));
                    check(problems, rule.path("expr").isTextual() && !rule.path("expr").asText().isBlank(),
                            "alert " + alert + ": no expr");
                    check(problems, DURATION.matcher(rule.path("for").asText("")).matches(), "alert " + alert + ": 'for' is no duration");
                    check(problems, rule.path("labels").path("severity").asText("").matches("critical|warning"),
                            "alert " + alert + ": severity critical or warning");
                    check(problems, rule.path("annotations").path("summary").isTextual(), "alert " + alert + ": no summary");
                    rule.path("labels").fields().forEachRemaining(label -> check(problems,
                            LABEL_NAME.matcher(label.getKey()).matches() && label.getValue().isTextual(),
                            "alert " + alert + ": label " + label.getKey()));
                    rule.path("annotations").fields().forEachRemaining(annotation -> check(problems,
                            LABEL_NAME.matcher(annotation.getKey()).matches() && annotation.getValue().isTextual(),
                            "alert " + alert + ": annotation " + annotation.getKey()));
                }
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void coverLagParkedEventsServerErrorsLatencyAndTheGatewaysBreakers() {
            Map<String, String> expressions = OperationsDocuments.expressions();

            assertThat(expressions).containsKeys("alert LedgerlineProjectionLagging", "alert LedgerlineEventsParked",
                    "alert LedgerlineServerErrors", "alert LedgerlineLatencyAboveObjective", "alert LedgerlineCircuitBreakerOpen");
        }

        @Test
        void passPromtoolWhereItIsInstalled() throws Exception {
            Path promtool = Path.of("/usr/bin/promtool");
            Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool is not installed; the checks above stand in for it");
            Process check = new ProcessBuilder(promtool.toString(), "check", "rules", OperationsDocuments.ALERT_RULES.toString())
                    .redirectErrorStream(true).start();
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
        }
    }

    @Nested
    class Dashboard {

        @Test
        void asksForItsPrometheusOnImportAndUsesItInEveryQuery() {
            JsonNode dashboard = OperationsDocuments.dashboard();
            assertThat(dashboard.path("__inputs").findValuesAsText("name")).containsExactly("DS_PROMETHEUS");
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(ids.add(panel.path("id").asInt())).as("unique panel id " + panel.path("id")).isTrue();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                            .isEqualTo("${DS_PROMETHEUS}");
                }
            }
        }

        @Test
        void showsCommandsLatencyErrorsLagParkedEventsRebuildsAndTheJvm() {
            Set<String> metrics = OperationsDocuments.metricNames();

            assertThat(metrics).contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                    "commandBus_successCounter_total", "ledgerline_projection_lag_seconds", "ledgerline_projection_parked",
                    "ledgerline_rebuild_progress_ratio", "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum");
        }
    }

    @Nested
    class Expressions {

        @Test
        void everyExpressionHasBalancedBracketsAndQuotesAndOnlyKnownFunctions() {
            Map<String, List<String>> problems = new TreeMap<>();
            OperationsDocuments.expressions().forEach((where, expression) -> {
                List<String> found = PromQl.problems(expression);
                if (!found.isEmpty()) {
                    problems.put(where, found);
                }
            });
            assertThat(problems).isEmpty();
        }

        @Test
        void everyExpressionReadsAtLeastOneValidlyNamedMetric() {
            OperationsDocuments.expressions().forEach((where, expression) ->
                    assertThat(PromQl.metricNames(expression)).as(where).isNotEmpty()
                            .allSatisfy(name -> assertThat(name).matches(METRIC_NAME)));
        }

        @Test
        void theCheckFindsWhatPromtoolWouldRefuse() {
            assertThat(PromQl.problems("sum(rate(x_total[5m])")).containsExactly("unclosed '('");
            assertThat(PromQl.problems("sum(rate(x_total{a=\"b}[5m]))")).isNotEmpty();
            assertThat(PromQl.problems("summ by (job) (x_total)")).containsExactly("unknown function summ");
            assertThat(PromQl.problems("max by (projection) (x{l=\"(\"}) > 0")).isEmpty();
            assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (uri, le) (rate(a_bucket{uri=~\"/api/.*\"}[$__rate_interval]))) "
                    + "> 0.5 and on (job) b_total offset 5m or vector(0)")).containsExactly("a_bucket", "b_total");
        }
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
