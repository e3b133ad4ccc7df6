package io.ledgerline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway and tracing parts of bench/run, briefly, on real servers: the whole system, a gateway in front of its
 * command side, three more command-side nodes at trace sampling 0, 10% and 100% and a Zipkin server. The windows are
 * the default step's 6 s, not shorter: on a busy shared machine a deposit at 32 clients took over three seconds, and a
 * shorter window saw none answered. The warm-ups are short ({@code --warmup 500ms}: the gateway 7.5 s instead of five
 * steps, each tracing node 3 s instead of two): what they buy is compiled code, which the figures of a report need and
 * what this test checks (every part runs, answers and reports) does not.
 */
class ComparisonStepsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void measuresDepositsDirectAndThroughTheGatewayAndAtEachSamplingAndReportsTheirRatios() throws Exception {
        Path project = Path.of("..").toAbsolutePath().normalize();
        Path target = Path.of("target").toAbsolutePath();
        BenchOptions options = BenchOptions.parse(List.of("--project-dir", project.toString(),
                "--steps", "gateway,tracing", "--duration", "6s", "--warmup", "500ms", "--rounds", "1", "--name", "comparisons-it",
                "--out", target.resolve("comparisons-it-report").toString(),
                "--data-dir", target.resolve("comparisons-it-data").toString()));

        List<Path> files = BenchMain.run(options, "ComparisonStepsIT");

        JsonNode report = JSON.readTree(files.get(1).toFile());
        JsonNode gateway = report.path("gateway");
        assertThat(gateway.path("clients").asInt()).isEqualTo(32);
        // failed requests are figures of the report too: on an overloaded machine the gateway may take the node out of
        // its rotation for a moment (readiness slower than its check allows) and answer 503 meanwhile
        for (String path : List.of("direct", "throughGateway")) {
            JsonNode round = gateway.path(path).path(0);
            assertThat(round.path("operations").asLong()).as(path + ": " + round.path("firstError").asText()).isPositive();
            assertThat(round.has("errors")).isTrue();
        }
        assertThat(gateway.path("throughGateway").path(0).path("cpuSeconds").path("gateway").asDouble()).isPositive();
        assertThat(gateway.path("ratio").asDouble()).isPositive();

        JsonNode samplings = report.path("tracing").path("samplings");
        assertThat(samplings).extracting(sampling -> sampling.path("probability").asDouble()).containsExactly(0.0, 0.1, 1.0);
        for (JsonNode sampling : samplings) {
            JsonNode round = sampling.path("steps").path(0);
            assertThat(round.path("errors").asLong()).as(round.path("firstError").asText()).isZero();
            assertThat(sampling.path("depositsPerSecond").asDouble()).as(round.path("firstError").asText()).isPositive();
            assertThat(sampling.path("nodeCpuMillisPerDeposit").asDouble()).isPositive();
        }
        // every deposit of the fully sampled node is a trace, reported to Zipkin
        assertThat(samplings.path(2).path("zipkinCpuMillisPerDeposit").asDouble()).isPositive();

        String markdown = Files.readString(files.get(0));
        assertThat(markdown).contains("## Deposits through the gateway against direct calls", "## Cost of tracing",
                "| Deposits through the gateway at 32 clients >= 85% of direct deposits in the same run |");
        assertThat(markdown).containsPattern("\\| all \\| \\| \\*\\*[0-9,]+\\*\\* \\| \\| \\| \\| \\*\\*[0-9,]+\\*\\* \\| \\| \\| \\| \\*\\*[0-9.]+\\*\\* \\|");
        assertThat(markdown).containsPattern("\\| 100% \\| [0-9,]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
        assertThat(markdown).doesNotContain("## Baseline");
    }
}
