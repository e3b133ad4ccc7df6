/** Kafka health as part of a service's readiness. */
package io.ledgerline.support.kafka;
