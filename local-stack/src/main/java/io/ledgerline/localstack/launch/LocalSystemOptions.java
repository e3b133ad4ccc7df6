package io.ledgerline.localstack.launch;

import io.ledgerline.localstack.LocalStackOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The whole system: infrastructure options plus where the two service jars are, their ports
 * (0 = free port), the address they listen on (loopback unless widened) and JVM options added to each
 * service's defaults (none unless asked for). A gateway in front of the services runs only when it has a port
 * ({@link #withGateway}): ./run-local's entry point; the end-to-end tests and the benchmark call the nodes directly.
 */
public record LocalSystemOptions(LocalStackOptions stack, Path commandSideJar, Path querySideJar,
                                 int commandSidePort, int querySidePort,
                                 List<String> commandSideJvmOptions, List<String> querySideJvmOptions,
                                 String bindAddress, Path gatewayJar, OptionalInt gatewayPort, boolean quickCompiler) {

    public static final String LOOPBACK = "127.0.0.1";

    public static final String COMMAND_SIDE_JAR = "command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar";
    public static final String QUERY_SIDE_JAR = "query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar";
    public static final String GATEWAY_JAR = "gateway/target/gateway-0.1.0-SNAPSHOT-exec.jar";

    public LocalSystemOptions {
        commandSideJvmOptions = List.copyOf(commandSideJvmOptions);
        querySideJvmOptions = List.copyOf(querySideJvmOptions);
    }

    /**
     * Jars at their build locations in {@code projectDirectory}, free ports on loopback, ephemeral data, no gateway,
     * the quick compiler only (tests start sooner; ./run-local asks for the optimizing one).
     */
    public static LocalSystemOptions forProject(Path projectDirectory) {
        return new LocalSystemOptions(LocalStackOptions.defaults().withAll(),
                projectDirectory.resolve(COMMAND_SIDE_JAR), projectDirectory.resolve(QUERY_SIDE_JAR), 0, 0, List.of(), List.of(),
                LOOPBACK, projectDirectory.resolve(GATEWAY_JAR), OptionalInt.empty(), true);
    }

    public LocalSystemOptions withStack(LocalStackOptions newStack) {
        return new LocalSystemOptions(newStack.withAll(), commandSideJar, querySideJar, commandSidePort, querySidePort,
                commandSideJvmOptions, querySideJvmOptions, bindAddress, gatewayJar, gatewayPort, quickCompiler);
    }

    public LocalSystemOptions withJars(Path commandSide, Path querySide) {
        return new LocalSystemOptions(stack, commandSide, querySide, commandSidePort, querySidePort,
                commandSideJvmOptions, querySideJvmOptions, bindAddress, gatewayJar, gatewayPort, quickCompiler);
    }

    public LocalSystemOptions withServicePorts(int commandSide, int querySide) {
        return new LocalSystemOptions(stack, commandSideJar, querySideJar, commandSide, querySide,
                commandSideJvmOptions, querySideJvmOptions, bindAddress, gatewayJar, gatewayPort, quickCompiler);
    }

    public LocalSystemOptions withJvmOptions(List<String> commandSide, List<String> querySide) {
        return new LocalSystemOptions(stack, commandSideJar, querySideJar, commandSidePort, querySidePort,
                commandSide, querySide, bindAddress, gatewayJar, gatewayPort, quickCompiler);
    }

    /** @param address where the services listen: {@code 0.0.0.0} makes them, and the token issuer, reachable from anywhere */
    public LocalSystemOptions withBindAddress(String address) {
        return new LocalSystemOptions(stack, commandSideJar, querySideJar, commandSidePort, querySidePort,
                commandSideJvmOptions, querySideJvmOptions, address, gatewayJar, gatewayPort, quickCompiler);
    }

    /** @param port where the gateway listens (0 = a free one); the command side's links then lead through it */
    public LocalSystemOptions withGateway(int port) {
        return new LocalSystemOptions(stack, commandSideJar, querySideJar, commandSidePort, querySidePort,
                commandSideJvmOptions, querySideJvmOptions, bindAddress, gatewayJar, OptionalInt.of(port), quickCompiler);
    }

    /**
     * @param quick the JIT's quick compiler only: the services start sooner and spend less CPU compiling while they
     *              warm up, but spend more CPU on every request once warm; production and ./run-local run the
     *              optimizing compiler too
     */
    public LocalSystemOptions withQuickCompiler(boolean quick) {
        return new LocalSystemOptions(stack, commandSideJar, querySideJar, commandSidePort, querySidePort,
                commandSideJvmOptions, querySideJvmOptions, bindAddress, gatewayJar, gatewayPort, quick);
    }
}
