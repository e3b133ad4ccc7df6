/** Runs the whole system locally: infrastructure plus both services as child processes (./run-local). */
package io.ledgerline.localstack.launch;
