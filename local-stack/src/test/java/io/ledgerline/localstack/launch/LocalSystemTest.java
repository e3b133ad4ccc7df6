package io.ledgerline.localstack.launch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSystemTest {

    @Test
    void refusesToStartWhenAServiceJarIsMissingBeforeStartingAnyServer() {
        Path missing = Path.of("target", "no-such-command-side-exec.jar");
        LocalSystemOptions options = LocalSystemOptions.forProject(Path.of("target"))
                .withJars(missing, Path.of("target", "no-such-query-side-exec.jar"));

        assertThatThrownBy(() -> LocalSystem.start(options, message -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The command-side jar is missing: " + missing.toAbsolutePath())
                .hasMessageContaining("./mvnw -DskipTests package");
    }

    @Test
    void parsesRunLocalOptions() {
        RunLocalArguments arguments = RunLocalArguments.parse(List.of(
                "--project-dir", "/checkout", "--fresh", "--pg-port", "25432", "--es-port", "29200"));

        assertThat(arguments.dataDirectory()).isEqualTo(Path.of("/checkout/.local-data"));
        assertThat(arguments.fresh()).isTrue();
        assertThat(arguments.postgresPort()).isEqualTo(25432);
        assertThat(arguments.kafkaPort()).isEqualTo(19092);
        assertThat(arguments.elasticsearchPort()).isEqualTo(29200);
        assertThatThrownBy(() -> RunLocalArguments.parse(List.of("--pg-port", "x")))
                .hasMessageContaining("Not a port: x");
    }
}
