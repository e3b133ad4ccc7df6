/** Forwarding to a side's nodes: health-checked instances, aggregate affinity, retries, circuit breakers, time limits. */
package io.ledgerline.gateway.forwarding;
