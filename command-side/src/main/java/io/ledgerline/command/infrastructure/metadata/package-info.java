/** Who caused each message and why: the caller, correlation and causation ids every command and event carries. */
package io.ledgerline.command.infrastructure.metadata;
