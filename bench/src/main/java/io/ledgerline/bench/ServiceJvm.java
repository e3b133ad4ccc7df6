package io.ledgerline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JVM of a service process, found from the process the launcher started. */
final class ServiceJvm {

    private ServiceJvm() {
    }

    /** The launcher may start the JVM through a wrapper (setsid); the JVM is then its child. */
    static long pid(long launched) {
        Optional<ProcessHandle> process = ProcessHandle.of(launched);
        if (process.isEmpty() || isJava(process.get())) {
            return launched;
        }
        return process.get().descendants().filter(ServiceJvm::isJava).findFirst().map(ProcessHandle::pid).orElse(launched);
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
    }

    /** The JVM options on its command line (those before -jar), as the report shows them. */
    static String options(long pid) {
        List<String> options = new ArrayList<>();
        ProcessHandle.of(pid).flatMap(process -> process.info().arguments()).ifPresent(arguments -> {
            for (String argument : arguments) {
                if (argument.equals("-jar")) {
                    break;
                }
                if (!argument.startsWith("-Djava.io.tmpdir") && !argument.startsWith("-XX:StartFlightRecording")) {
                    options.add(argument);
                }
            }
        });
        return options.isEmpty() ? "unknown" : String.join(" ", options);
    }
}
