/** Starts real PostgreSQL, Kafka and Elasticsearch servers without Docker, for tests and local runs. */
package io.ledgerline.localstack;
