/** The transactions index: one document per statement line, searchable by text, amount and time. */
package io.ledgerline.query.statements.search;
