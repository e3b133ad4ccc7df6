package io.ledgerline.localstack.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
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
    void refusesToStartWhenTheGatewayJarIsMissingBeforeStartingAnyServer(@TempDir Path project) throws IOException {
        Path commandSide = Files.createFile(project.resolve("command-side-exec.jar"));
        Path querySide = Files.createFile(project.resolve("query-side-exec.jar"));
        LocalSystemOptions options = LocalSystemOptions.forProject(project).withJars(commandSide, querySide).withGateway(0);

        assertThatThrownBy(() -> LocalSystem.start(options, message -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The gateway jar is missing: " + project.resolve(LocalSystemOptions.GATEWAY_JAR));
    }

    @Test
    void runLocalStartsTheGatewayOnItsPortUnlessOnlyTheInfrastructureRuns() {
        RunLocalArguments defaults = RunLocalArguments.parse(List.of("--project-dir", "/checkout"));
        RunLocalArguments otherPort = RunLocalArguments.parse(List.of("--gateway-port", "28080"));
        RunLocalArguments infraOnly = RunLocalArguments.parse(List.of("--infra-only"));

        assertThat(RunLocal.systemOptions(defaults).gatewayPort()).hasValue(8080);
        assertThat(RunLocal.systemOptions(defaults).gatewayJar()).isEqualTo(Path.of("/checkout", LocalSystemOptions.GATEWAY_JAR));
        assertThat(RunLocal.systemOptions(otherPort).gatewayPort()).hasValue(28080);
        assertThat(RunLocal.systemOptions(infraOnly).gatewayPort()).isEmpty();
        assertThat(LocalSystemOptions.forProject(Path.of("target")).gatewayPort())
                .as("the end-to-end tests and the benchmark call the services directly").isEmpty();
        assertThat(RunLocalArguments.USAGE).contains("--gateway-port N");
    }

    @Test
    void runLocalCompilesAsProductionDoesUnlessTheQuickCompilerIsAskedFor() {
        LocalSystemOptions asUsersRunIt = RunLocal.systemOptions(RunLocalArguments.parse(List.of("--project-dir", "/checkout")));
        LocalSystemOptions quick = RunLocal.systemOptions(RunLocalArguments.parse(List.of("--quick-compiler")));
        LocalSystemOptions forTests = LocalSystemOptions.forProject(Path.of("target"));

        assertThat(LocalSystem.jvmOptions(asUsersRunIt, List.of("-Xmx1g"))).containsExactly("-Xmx1g");
        assertThat(LocalSystem.jvmOptions(quick, List.of("-Xmx1g"))).containsExactly("-XX:TieredStopAtLevel=1", "-Xmx1g");
        assertThat(LocalSystem.jvmOptions(forTests, List.of()))
                .as("the tests' services start sooner").containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(LocalSystem.jvmOptions(forTests.withQuickCompiler(false), List.of())).isEmpty();
        assertThat(RunLocalArguments.USAGE).contains("--quick-compiler");
    }

    @Test
    void theGatewayListsEveryNodeOfASideAsOneOfItsInstances() {
        List<String> arguments = LocalSystem.instanceArguments("command-side",
                List.of(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8083")));

        assertThat(arguments).containsExactly(
                "--spring.cloud.discovery.client.simple.instances.command-side[0].uri=http://127.0.0.1:8081",
                "--spring.cloud.discovery.client.simple.instances.command-side[1].uri=http://127.0.0.1:8083");
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

    @Test
    void runsOneNodeOfEachServiceUnlessASecondIsAskedFor() {
        RunLocalArguments one = RunLocalArguments.parse(List.of());
        RunLocalArguments two = RunLocalArguments.parse(List.of("--nodes", "2", "--query-port-2", "28084"));

        assertThat(one.nodes()).isEqualTo(1);
        assertThat(two.nodes()).isEqualTo(2);
        assertThat(two.secondCommandSidePort()).isEqualTo(8083);
        assertThat(two.secondQuerySidePort()).isEqualTo(28084);
        assertThatThrownBy(() -> RunLocalArguments.parse(List.of("--nodes", "3")))
                .hasMessageContaining("--nodes is 1 or 2, not 3");
    }

    @Test
    void startsZipkinOnItsLocalPortUnlessTracingIsSwitchedOff() {
        RunLocalArguments defaults = RunLocalArguments.parse(List.of("--project-dir", "/checkout"));
        RunLocalArguments otherPort = RunLocalArguments.parse(List.of("--zipkin-port", "29411"));
        RunLocalArguments untraced = RunLocalArguments.parse(List.of("--no-tracing"));

        assertThat(RunLocal.systemOptions(defaults).stack().zipkin()).isTrue();
        assertThat(RunLocal.systemOptions(defaults).stack().zipkinPort()).isEqualTo(19411);
        assertThat(RunLocal.systemOptions(otherPort).stack().zipkinPort()).isEqualTo(29411);
        assertThat(RunLocal.systemOptions(untraced).stack().zipkin()).isFalse();
        assertThat(RunLocalArguments.USAGE).contains("--no-tracing").contains("--zipkin-port N");
    }

    @Test
    void servicesListenOnLoopbackOnlyUnlessToldOtherwise() {
        RunLocalArguments defaults = RunLocalArguments.parse(List.of("--project-dir", "/checkout"));

        assertThat(defaults.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(LocalSystem.serverAddressArgument(RunLocal.systemOptions(defaults)))
                .isEqualTo("--server.address=127.0.0.1");
        assertThat(LocalSystem.serverAddressArgument(LocalSystemOptions.forProject(Path.of("target"))))
                .as("the end-to-end tests and the benchmark").isEqualTo("--server.address=127.0.0.1");
    }

    @Test
    void bindWidensWhereTheServicesListen() {
        RunLocalArguments everywhere = RunLocalArguments.parse(List.of("--bind", "0.0.0.0"));

        assertThat(LocalSystem.serverAddressArgument(RunLocal.systemOptions(everywhere)))
                .isEqualTo("--server.address=0.0.0.0");
        assertThat(RunLocalArguments.USAGE).contains("--bind ADDRESS");
        assertThatThrownBy(() -> RunLocalArguments.parse(List.of("--bind"))).hasMessageContaining("--bind needs a value");
        assertThatThrownBy(() -> RunLocalArguments.parse(List.of("--bind", "0.0.0.0 --fresh")))
                .hasMessageContaining("Not an address");
    }

    @Test
    void waitsForAServiceWhereItListens() {
        assertThat(ServiceProcess.baseUri(8081, List.of("--server.port=8081", "--server.address=127.0.0.1")))
                .hasToString("http://127.0.0.1:8081");
        assertThat(ServiceProcess.baseUri(8081, List.of("--server.address=0.0.0.0"))).hasToString("http://127.0.0.1:8081");
        assertThat(ServiceProcess.baseUri(8081, List.of("--server.address=192.168.1.5")))
                .hasToString("http://192.168.1.5:8081");
        assertThat(ServiceProcess.baseUri(8081, List.of("--server.address=fd00::5"))).hasToString("http://[fd00::5]:8081");
    }
}
