package io.ledgerline.gateway.websocket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSockets           relayed sockets the gateway holds at once; beyond, an upgrade is answered 503.
 *                             Each socket is one to a query node, which allows 1,000 live streams of its own
 * @param maxSocketsPerSubject sockets one subject holds at once, as many as its live-update streams (5);
 *                             beyond, the socket is closed 4429 at its connection_init
 * @param maxFrameSize         the largest text frame relayed either way: the services' request body limit;
 *                             a larger one closes the socket 1009
 * @param connectionInitTimeout how long a socket may stay open without its connection_init (closed 4408):
 *                             an unauthenticated socket holds a place under {@code maxSockets}
 * @param maxAwaitingInitPerAddress sockets from one client address that may await their connection_init at
 *                             once; beyond, an upgrade is answered 429 RATE_LIMITED
 * @param sendTimeLimit        how long a frame may take to reach a slow peer before the socket is closed
 * @param sendBufferLimit      how much may wait for a slow peer before the socket is closed
 */
@ConfigurationProperties("ledgerline.gateway.websocket")
public record RelayProperties(@DefaultValue("2000") int maxSockets,
        @DefaultValue("5") int maxSocketsPerSubject,
        @DefaultValue("64KB") DataSize maxFrameSize,
        @DefaultValue("10s") Duration connectionInitTimeout,
        @DefaultValue("20") int maxAwaitingInitPerAddress,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("512KB") DataSize sendBufferLimit) {
}
