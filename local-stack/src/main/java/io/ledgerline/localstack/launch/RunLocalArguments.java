package io.ledgerline.localstack.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Command-line options of ./run-local. */
record RunLocalArguments(Path projectDirectory, Path dataDirectory, boolean fresh, boolean infraOnly,
                         int postgresPort, int kafkaPort, int elasticsearchPort, int commandSidePort, int querySidePort,
                         String bindAddress, boolean tracing, int zipkinPort,
                         int nodes, int secondCommandSidePort, int secondQuerySidePort, int gatewayPort,
                         boolean quickCompiler) {

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:\\-]+");

    static final String USAGE = """
            Usage: ./run-local [options]
              --fresh               delete the data directory first (all local data is lost)
              --data-dir DIR        data directory (default: .local-data in the checkout)
              --infra-only          start PostgreSQL, Kafka and Elasticsearch only (no services, no gateway)
              --no-build            skip the Maven build
              --pg-port N           PostgreSQL port (default 15432)
              --kafka-port N        Kafka port (default 19092; the KRaft controller uses N+1)
              --es-port N           Elasticsearch HTTP port (default 19200; transport uses N+1)
              --gateway-port N      gateway port (default 8080): the one address clients use, in front of
                                    every node of both services
              --command-port N      command-side port (default 8081)
              --query-port N        query-side port (default 8082)
              --nodes N             nodes of each service, 1 or 2 (default 1); the second nodes share the
                                    databases and Kafka: the query nodes share consumer groups, the command
                                    nodes share the event processors by segments
              --command-port-2 N    port of the second command-side node (default 8083)
              --query-port-2 N      port of the second query-side node (default 8084)
              --zipkin-port N       Zipkin port: UI, trace API and span collector (default 19411)
              --no-tracing          start no Zipkin server; the services then report no spans
              --bind ADDRESS        where the services (and the development token issuer) listen (default
                                    127.0.0.1, this machine only; 0.0.0.0 for every interface)
              --quick-compiler      run the services and the gateway with the JIT's quick compiler only: they
                                    start sooner but serve fewer requests a second (default: the optimizing
                                    compiler too, as in production)
            Ctrl-C stops the services, then Zipkin, Elasticsearch, Kafka and PostgreSQL. Should the launcher be
            killed instead, a watchdog stops them, and the next start stops whatever is left in the data directory.""";

    static RunLocalArguments parse(List<String> args) {
        Path project = Path.of("").toAbsolutePath();
        Path data = null;
        boolean fresh = false;
        boolean infraOnly = false;
        int pg = 15432;
        int kafka = 19092;
        int es = 19200;
        int command = 8081;
        int query = 8082;
        boolean tracing = true;
        int zipkin = 19411;
        int nodes = 1;
        int command2 = 8083;
        int query2 = 8084;
        int gateway = 8080;
        boolean quickCompiler = false;
        // the development token issuer hands a token to anyone who can reach the command side
        String bind = "127.0.0.1";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--project-dir" -> project = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--data-dir" -> data = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--fresh" -> fresh = true;
                case "--infra-only" -> infraOnly = true;
                case "--pg-port" -> pg = port(value(args, ++i, arg));
                case "--kafka-port" -> kafka = port(value(args, ++i, arg));
                case "--es-port" -> es = port(value(args, ++i, arg));
                case "--command-port" -> command = port(value(args, ++i, arg));
                case "--query-port" -> query = port(value(args, ++i, arg));
                case "--no-tracing" -> tracing = false;
                case "--zipkin-port" -> zipkin = port(value(args, ++i, arg));
                case "--bind" -> bind = address(value(args, ++i, arg));
                case "--nodes" -> nodes = nodes(value(args, ++i, arg));
                case "--command-port-2" -> command2 = port(value(args, ++i, arg));
                case "--query-port-2" -> query2 = port(value(args, ++i, arg));
                case "--gateway-port" -> gateway = port(value(args, ++i, arg));
                case "--quick-compiler" -> quickCompiler = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return new RunLocalArguments(project, data == null ? project.resolve(".local-data") : data,
                fresh, infraOnly, pg, kafka, es, command, query, bind, tracing, zipkin, nodes, command2, query2, gateway,
                quickCompiler);
    }

    private static int nodes(String value) {
        if (!value.equals("1") && !value.equals("2")) {
            throw new IllegalArgumentException("--nodes is 1 or 2, not " + value);
        }
        return Integer.parseInt(value);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static String address(String value) {
        if (!ADDRESS.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an address: " + value);
        }
        return value;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Not a port: " + value);
    }
}
