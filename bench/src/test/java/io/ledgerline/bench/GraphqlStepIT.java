package io.ledgerline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graphql part of bench/run, briefly, on real servers: a customer set up through the command API, both views
 * checked equal (the run fails otherwise), then each read by 1 and 8 clients, after short warm-ups.
 */
class GraphqlStepIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheSameCustomerViewInOneGraphQlPostAndInTheRestCallsItReplacesAndReportsTheirRatios() throws Exception {
        Path project = Path.of("..").toAbsolutePath().normalize();
        Path target = Path.of("target").toAbsolutePath();
        BenchOptions options = BenchOptions.parse(List.of("--project-dir", project.toString(),
                "--steps", "graphql", "--duration", "4s", "--warmup", "500ms", "--name", "graphql-it",
                "--out", target.resolve("graphql-it-report").toString(),
                "--data-dir", target.resolve("graphql-it-data").toString()));

        List<Path> files = BenchMain.run(options, "GraphqlStepIT");

        JsonNode views = JSON.readTree(files.get(1).toFile()).path("graphql");
        assertThat(views.path("graphql").path("httpCalls").asInt()).isEqualTo(1);
        // the customer, their accounts, then each of the 5 accounts' statements
        assertThat(views.path("rest").path("httpCalls").asInt()).isEqualTo(7);
        assertThat(views.path("graphql").path("responseBytes").asLong()).isPositive();
        assertThat(views.path("steps")).extracting(step -> step.path("clients").asInt()).containsExactly(1, 8);
        for (JsonNode step : views.path("steps")) {
            for (String view : List.of("graphqlViews", "restViews")) {
                JsonNode measured = step.path(view);
                assertThat(measured.path("errors").asLong()).as(view + ": " + measured.path("firstError").asText()).isZero();
                assertThat(measured.path("operations").asLong()).as(view).isPositive();
                assertThat(measured.path("cpuSeconds").path("query-side").asDouble()).as(view).isPositive();
            }
            assertThat(step.path("rateRatio").asDouble()).isPositive();
            assertThat(step.path("querySideCpuRatio").asDouble()).isPositive();
        }
        String markdown = Files.readString(files.get(0));
        assertThat(markdown).contains("## A customer view: one GraphQL query against the REST calls it replaces",
                "| GraphQL | 1 |", "| REST | 7 |");
        assertThat(markdown).containsPattern("\\| 8 \\| \\*\\*GraphQL / REST\\*\\* \\| \\*\\*[0-9.]+\\*\\* \\|");
    }
}
