/** Audit and time travel: an aggregate's stored history and its state replayed up to a version or an instant. */
package io.ledgerline.command.audit;
