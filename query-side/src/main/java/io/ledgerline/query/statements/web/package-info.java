/** REST reads of statements from SQL and transaction search with totals. */
package io.ledgerline.query.statements.web;
