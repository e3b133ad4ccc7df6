/** The hostile-payload suite of the query API: every endpoint, every malformed or hostile input. */
package io.ledgerline.query.hostile;
