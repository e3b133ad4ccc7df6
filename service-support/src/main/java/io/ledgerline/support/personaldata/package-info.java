/** Personal data sealed under per-customer keys: the cipher, the key table and opening or masking a value. */
package io.ledgerline.support.personaldata;
