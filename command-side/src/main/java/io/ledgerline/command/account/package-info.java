/** Accounts: opening them and every rule their money obeys. */
package io.ledgerline.command.account;
