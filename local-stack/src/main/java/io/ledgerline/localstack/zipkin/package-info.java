/** A Zipkin server in its own JVM, the trace backend of local runs and tests. */
package io.ledgerline.localstack.zipkin;
