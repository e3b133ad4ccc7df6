package io.ledgerline.localstack.launch;

import io.ledgerline.localstack.LocalStack;
import io.ledgerline.localstack.LocalStackOptions;
import io.ledgerline.localstack.process.FileTrees;
import io.ledgerline.localstack.process.PidFiles;
import io.ledgerline.localstack.process.Ports;
import java.net.URI;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Entry point of ./run-local: starts the infrastructure with persistent data and both services,
 * prints where everything is, and runs until Ctrl-C or SIGTERM, which stop it all in reverse order. Killed
 * instead (SIGKILL, or a second signal during that shutdown), it leaves the stopping to the watchdog
 * {@link LocalStack} started; a new start stops whatever a killed launcher left in the data directory first.
 */
public final class RunLocal {

    private RunLocal() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunLocalArguments arguments;
        try {
            arguments = RunLocalArguments.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(RunLocalArguments.USAGE);
            System.exit(2);
            return;
        }
        // before --fresh deletes the pid files that name them, and before the port checks they would fail
        PidFiles.in(arguments.dataDirectory()).stopLeftovers(LocalStack.LEFTOVER_GRACE, RunLocal::say);
        if (arguments.fresh()) {
            say("Deleting " + arguments.dataDirectory() + " (--fresh)");
            FileTrees.deleteRecursively(arguments.dataDirectory());
        }
        LocalSystemOptions options = systemOptions(arguments);

        boolean jarsBuilt = Files.isRegularFile(options.commandSideJar()) && Files.isRegularFile(options.querySideJar())
                && Files.isRegularFile(options.gatewayJar());
        if (!arguments.infraOnly() && !jarsBuilt) {
            say("Service jars not found (" + LocalSystemOptions.COMMAND_SIDE_JAR + ", " + LocalSystemOptions.QUERY_SIDE_JAR
                    + ", " + LocalSystemOptions.GATEWAY_JAR + "): starting the infrastructure only");
        }
        say("Data directory: " + arguments.dataDirectory());
        boolean services = !arguments.infraOnly() && jarsBuilt;
        LocalSystem system = null;
        try {
            if (services && arguments.nodes() > 1) {
                // checked before anything starts, like the other fixed ports
                Ports.freeOrRequested(arguments.secondCommandSidePort(), "command-side-2");
                Ports.freeOrRequested(arguments.secondQuerySidePort(), "query-side-2");
            }
            system = services
                    ? LocalSystem.start(options, RunLocal::say)
                    : LocalSystem.startInfrastructureOnly(options, RunLocal::say);
            if (services && arguments.nodes() > 1) {
                system.startMoreNodes(List.of(arguments.secondCommandSidePort()), List.of(arguments.secondQuerySidePort()));
            }
            if (services) {
                // last: it is configured with every node of both sides
                system.startGateway();
            }
        } catch (RuntimeException e) {
            if (system != null) {
                system.close();
            }
            System.err.println();
            System.err.println("Could not start Ledgerline locally: " + e.getMessage());
            if (String.valueOf(e.getMessage()).contains("already in use")) {
                System.err.println("What an earlier ./run-local left running from " + arguments.dataDirectory()
                        + " was stopped first: that port is held by a program ./run-local did not start there.");
            }
            System.exit(1);
            return;
        }
        printSummary(system);

        // the JVM's shutdown hook (registered by LocalSystem) does the stopping on Ctrl-C / SIGTERM
        new CountDownLatch(1).await();
    }

    static LocalSystemOptions systemOptions(RunLocalArguments arguments) {
        LocalStackOptions stack = LocalStackOptions.defaults()
                .persistentIn(arguments.dataDirectory())
                .ports(arguments.postgresPort(), arguments.kafkaPort(), arguments.elasticsearchPort());
        LocalSystemOptions options = LocalSystemOptions.forProject(arguments.projectDirectory())
                .withStack(arguments.tracing() ? stack.withZipkin(arguments.zipkinPort()) : stack)
                .withServicePorts(arguments.commandSidePort(), arguments.querySidePort())
                .withBindAddress(arguments.bindAddress())
                .withQuickCompiler(arguments.quickCompiler());
        return arguments.infraOnly() ? options : options.withGateway(arguments.gatewayPort());
    }

    private static void printSummary(LocalSystem system) {
        LocalStack stack = system.stack();
        StringBuilder out = new StringBuilder(System.lineSeparator());
        out.append("Ledgerline is running. Ctrl-C stops everything.").append(System.lineSeparator());
        if (system.hasGateway()) {
            out.append(String.format("""

                    Entry point (the gateway: commands, queries, GraphQL, live updates, tokens; one address for all)
                      API              %1$s/api
                      Swagger UI       %1$s/swagger-ui.html  (both services' documents)
                      Health           %1$s/actuator/health
                      Gateway log      %2$s/gateway.log
                    """, system.gatewayUri(), system.logDirectory()));
        }
        if (system.hasServices()) {
            String command = system.commandSideUri().toString();
            String query = system.querySideUri().toString();
            out.append(String.format("""

                    The services directly (for debugging; clients use the gateway)
                      Command API      %1$s/api
                      Query API        %2$s/api
                      Swagger UI       %1$s/swagger-ui.html  and  %2$s/swagger-ui.html
                      Health           %1$s/actuator/health  and  %2$s/actuator/health
                      Service logs     %3$s/command-side.log  and  query-side.log
                    """, command, query, system.logDirectory()));
            if (system.commandSideUris().size() > 1 || system.querySideUris().size() > 1) {
                out.append(String.format("""
                          Command nodes    %1$s
                          Query nodes      %2$s
                        """, listed(system.commandSideUris()), listed(system.querySideUris())));
            }
        }
        out.append(String.format("""

                  PostgreSQL       %1$s (user %2$s, password %3$s; database ledgerline_query next to it)
                  Kafka            %4$s
                  Elasticsearch    %5$s
                  Zipkin (traces)  %6$s
                  Server data/logs %7$s
                """, stack.postgresJdbcUrl("ledgerline_command"), stack.postgresUser(), stack.postgresPassword(),
                stack.kafkaBootstrapServers(), stack.elasticsearchUri(),
                stack.hasZipkin() ? stack.zipkinUri() + "/zipkin/" : "not started (--no-tracing)", stack.workDirectory().root()));
        if (system.hasGateway()) {
            String gateway = system.gatewayUri().toString();
            out.append(String.format("""

                    Every API call needs a bearer token. Get one from the development token issuer (local profile only;
                    roles CUSTOMER with "customerId", TELLER, PAYMENTS, AUDITOR, ADMIN; optional "ttlSeconds", default 8 hours):
                      TOKEN=$(%2$s | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')

                    Try it (accounts are opened for registered customers):
                      curl -s -X POST %1$s/api/customers -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"name":"Ada Lovelace","email":"ada@example.org"}'
                      curl -i -X POST %1$s/api/accounts -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"customerId":"<customerId>","currency":"EUR"}'
                      curl -H "Authorization: Bearer $TOKEN" %1$s/api/accounts/<accountId>
                      curl -H "Authorization: Bearer $TOKEN" '%1$s/api/search/accounts?q=<customerId>'
                    """, gateway, DevTokens.curl(system.gatewayUri())));
        }
        System.out.println(out);
    }

    private static String listed(List<URI> nodes) {
        return nodes.stream().map(URI::toString).collect(Collectors.joining("  "));
    }

    private static void say(String message) {
        System.out.println("[run-local] " + message);
    }
}
