/** REST reads of accounts from SQL. */
package io.ledgerline.query.accounts.web;
