/** Elasticsearch from the integ-test-zip distribution unpacked by the build, run as a non-root child process. */
package io.ledgerline.localstack.elasticsearch;
