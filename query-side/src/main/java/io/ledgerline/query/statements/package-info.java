/** Statements: the lines of money moving on an account, in SQL for exact pages and in search for text, amounts and totals. */
package io.ledgerline.query.statements;
