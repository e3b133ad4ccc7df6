/** The read-only audit API: an aggregate's event history and its state at a version or an instant. */
package io.ledgerline.command.audit.web;
