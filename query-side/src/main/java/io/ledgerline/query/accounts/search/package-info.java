/** The accounts index: accounts with their owner's name and email, found by typo-tolerant search. */
package io.ledgerline.query.accounts.search;
