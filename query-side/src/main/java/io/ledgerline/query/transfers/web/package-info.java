/** REST reads of transfers. */
package io.ledgerline.query.transfers.web;
