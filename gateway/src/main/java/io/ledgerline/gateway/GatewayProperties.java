package io.ledgerline.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param devTokensRoute  forwards POST /api/dev/tokens to the command side; only application-local.yml sets it
 * @param maxAttempts     how many nodes a request that may be sent again is tried on at most
 * @param connectTimeout  how long a node may take to accept a connection; a refused or timed-out connection
 *                        sent nothing, so the request goes to another node whatever its method
 * @param streamReadTimeout how long a request that asks for a live-update stream ({@code Accept: text/event-stream})
 *                        may wait for each read from its node, its status and headers included, instead of the side's
 *                        time limit: longer than the query side's heartbeat (15 s), so that an open stream is not cut and
 *                        a dead one still ends
 * @param corsAllowedOrigins the origins a browser front end may call the API from; empty (the default) allows none
 * @param resolveEveryAddress each configured node's host name stands for every address it resolves to, looked up
 *                        at each health-check round: the replicas of a scaled compose service (off by default)
 */
@ConfigurationProperties("ledgerline.gateway")
public record GatewayProperties(@DefaultValue("false") boolean devTokensRoute,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("45s") Duration streamReadTimeout,
        @DefaultValue List<String> corsAllowedOrigins,
        @DefaultValue("false") boolean resolveEveryAddress) {
}
