/** Spring infrastructure both Ledgerline services share. */
package io.ledgerline.support;
