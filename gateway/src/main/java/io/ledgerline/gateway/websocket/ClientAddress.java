package io.ledgerline.gateway.websocket;

import java.net.InetSocketAddress;

/** The address a socket's client connects from, as the caps count it: the host alone, not its port. */
final class ClientAddress {

    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    static String of(InetSocketAddress remote) {
        if (remote == null) {
            return UNKNOWN;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
