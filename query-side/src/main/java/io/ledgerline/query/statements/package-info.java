/**
 * Statements: the one mapping of money movements to statement lines, kept in SQL for exact pages and in search for
 * text, amounts and totals.
 */
package io.ledgerline.query.statements;
