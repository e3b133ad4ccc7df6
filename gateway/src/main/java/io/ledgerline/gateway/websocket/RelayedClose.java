package io.ledgerline.gateway.websocket;

import org.springframework.web.socket.CloseStatus;

/**
 * The close one side of the relay sends the other: the peer's own code and reason (4401, 4403, 4400,
 * 1000...), so that a client learns why the node ended its socket and a node why the client left.
 * Three codes only describe a closing and may never be sent in a close frame (RFC 6455 7.4.1): no
 * code given (1005) becomes a normal close, a connection lost without a close frame (1006) or a
 * failed TLS handshake (1015) becomes "going away".
 */
final class RelayedClose {

    static final int NO_STATUS = 1005;
    static final int ABNORMAL = 1006;
    static final int TLS_HANDSHAKE = 1015;

    private RelayedClose() {
    }

    static CloseStatus of(CloseStatus received) {
        int code = received.getCode();
        if (code == NO_STATUS) {
            return CloseStatus.NORMAL;
        }
        if (code == ABNORMAL || code == TLS_HANDSHAKE || code < 1000 || code > 4999) {
            return CloseStatus.GOING_AWAY.withReason("The other end of the relay went away");
        }
        return received;
    }
}
