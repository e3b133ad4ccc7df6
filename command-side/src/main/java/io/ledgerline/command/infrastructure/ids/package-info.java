/** Identifiers of the messages the command side creates. */
package io.ledgerline.command.infrastructure.ids;
