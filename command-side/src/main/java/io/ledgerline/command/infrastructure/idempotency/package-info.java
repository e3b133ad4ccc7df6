/** Idempotency keys of command requests, recorded in the transaction of the events they produced. */
package io.ledgerline.command.infrastructure.idempotency;
