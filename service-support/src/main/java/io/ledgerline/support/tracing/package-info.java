/** One trace per request across every hop: the W3C trace context carried in message metadata and Kafka headers. */
package io.ledgerline.support.tracing;
