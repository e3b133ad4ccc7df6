/** REST reads of accounts from SQL, account search and live updates. */
package io.ledgerline.query.accounts.web;
