/** The REST command that requests a transfer. */
package io.ledgerline.command.transfer.web;
