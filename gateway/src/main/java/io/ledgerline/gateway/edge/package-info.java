/** What the gateway does for every request before forwarding it: authorization, correlation id, CORS, the rate limit. */
package io.ledgerline.gateway.edge;
