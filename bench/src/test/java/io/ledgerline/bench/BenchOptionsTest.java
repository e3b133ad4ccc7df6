package io.ledgerline.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void defaultsAreTheQuickRun() {
        BenchOptions options = BenchOptions.parse(List.of("--project-dir", "/repo"));

        assertThat(options.events()).isEqualTo(10_000);
        assertThat(options.clients()).containsExactly(1, 8, 32, 64);
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(6));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.outDirectory()).isEqualTo(Path.of("/repo/bench/target/report"));
        assertThat(options.name()).endsWith("-quick");
        assertThat(options.profile()).isFalse();
        assertThat(options.steps()).as("the quick run measures the ledger; the comparisons run when asked for")
                .containsExactly("ledger");
        assertThat(options.rounds()).isEqualTo(2);
    }

    @Test
    void allRunsEveryPart() {
        BenchOptions options = BenchOptions.parse(List.of("--steps", "all"));

        assertThat(options.steps()).containsExactly("ledger", "gateway", "tracing", "graphql");
    }

    @Test
    void runsOnlyTheChosenPartsInTheirOwnOrder() {
        BenchOptions options = BenchOptions.parse(List.of("--steps", "tracing, gateway", "--rounds", "3"));

        assertThat(options.steps()).containsExactly("gateway", "tracing");
        assertThat(options.runs("ledger")).isFalse();
        assertThat(options.runs("tracing")).isTrue();
        assertThat(options.rounds()).isEqualTo(3);
    }

    @Test
    void refusesAPartItDoesNotKnow() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--steps", "gateway,latency")))
                .hasMessageContaining("Unknown part of the benchmark: latency");
    }

    @Test
    void runsTheGraphQlComparisonAlone() {
        BenchOptions options = BenchOptions.parse(List.of("--steps", "graphql"));

        assertThat(options.steps()).containsExactly("graphql");
        assertThat(options.runs("ledger")).isFalse();
        assertThat(options.runs(BenchOptions.GRAPHQL)).isTrue();
    }

    @Test
    void aMillionEventsNamesTheReportAfterThem() {
        BenchOptions options = BenchOptions.parse(List.of("--project-dir", "/repo", "--events", "1000000",
                "--out", "docs/benchmarks", "--clients", "32,1,8", "--duration", "1m", "--profile"));

        assertThat(options.events()).isEqualTo(1_000_000);
        assertThat(options.name()).endsWith("-events-1000000");
        assertThat(options.outDirectory()).isEqualTo(Path.of("/repo/docs/benchmarks"));
        assertThat(options.clients()).containsExactly(1, 8, 32);
        assertThat(options.step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.profile()).isTrue();
    }

    @Test
    void warmsUpForAThirdOfAStepUnlessTold() {
        assertThat(BenchOptions.parse(List.of("--duration", "12s")).warmup()).isEqualTo(Duration.ofSeconds(4));
        assertThat(BenchOptions.parse(List.of("--warmup", "500ms", "--duration", "12s")).warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(BenchOptions.parse(List.of("--duration", "12s", "--warmup", "1s")).step()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void longerWarmUpsAreWholeStepsByDefaultAndScaleWithTheWarmUpGiven() {
        assertThat(BenchOptions.parse(List.of()).warmupOfSteps(5)).as("the gateway's five steps of the default run")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(BenchOptions.parse(List.of("--duration", "10s")).warmupOfSteps(5)).as("a third of 10 s is not whole nanoseconds")
                .isEqualTo(Duration.ofSeconds(50));
        assertThat(BenchOptions.parse(List.of("--duration", "20s")).warmupOfSteps(2)).isEqualTo(Duration.ofSeconds(40));
        assertThat(BenchOptions.parse(List.of("--duration", "10s", "--warmup", "1s")).warmupOfSteps(5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(BenchOptions.parse(List.of("--warmup", "500ms")).warmupOfSteps(2)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void readsDurationsInSecondsMinutesAndMilliseconds() {
        assertThat(BenchOptions.duration("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(BenchOptions.duration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(BenchOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchOptions.duration("1500ms")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void splitsServiceJvmOptionsOnWhitespace() {
        BenchOptions options = BenchOptions.parse(List.of("--service-jvm-options", " -Xmx512m  -XX:TieredStopAtLevel=4 "));

        assertThat(options.serviceJvmOptions()).containsExactly("-Xmx512m", "-XX:TieredStopAtLevel=4");
    }

    @Test
    void refusesUnknownOptionsAndNonsenseValues() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast"))).hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--events", "-5"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--clients", "8,x"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--events"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--warmup", "0s"))).hasMessageContaining("--warmup must be a positive");
    }
}
