package io.ledgerline.systemtests;

import io.ledgerline.localstack.launch.LocalSystem;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.apidocs.ContractCheckedHttpClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Holds each answer of a running local system to the committed document of the service that gave
 * it, told apart by port: the command side's or the query side's. Anything else (Elasticsearch) is
 * not judged.
 */
public final class ServiceContracts {

    private ServiceContracts() {
    }

    /** @param system the system the client talks to, asked on every request: a service may be restarted */
    public static HttpClient checked(HttpClient client, Supplier<LocalSystem> system) {
        return ContractCheckedHttpClient.of(client, uri -> contractOf(uri, system.get()));
    }

    private static Optional<ApiContract> contractOf(URI uri, LocalSystem system) {
        if (system == null || !system.hasServices()) {
            return Optional.empty();
        }
        if (uri.getPort() == system.commandSideUri().getPort()) {
            return Optional.of(ApiContract.commandSide());
        }
        if (uri.getPort() == system.querySideUri().getPort()) {
            return Optional.of(ApiContract.querySide());
        }
        return Optional.empty();
    }
}
