/** A single-node KRaft Kafka broker running in its own JVM. */
package io.ledgerline.localstack.kafka;
