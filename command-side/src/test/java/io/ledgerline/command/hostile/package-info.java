/** The hostile-payload suite of the command API: every endpoint, every malformed or hostile input. */
package io.ledgerline.command.hostile;
