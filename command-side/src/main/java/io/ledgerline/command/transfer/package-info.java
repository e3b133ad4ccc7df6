/** Transfers between accounts: the request, and the saga that moves the money or gives it back. */
package io.ledgerline.command.transfer;
