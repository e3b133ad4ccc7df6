/** What every feature of the command side shares: coded refusals and the rules money obeys. */
package io.ledgerline.command.domain;
