/** The configured range of money: the largest single amount a command may carry, per currency. */
package io.ledgerline.command.infrastructure.money;
