/** Who may call which command endpoint: the command side's role matrix. */
package io.ledgerline.command.security;
