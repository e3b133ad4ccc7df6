/** The REST commands on accounts. */
package io.ledgerline.command.account.web;
