/** Statement lines: the one mapping of money movements to the lines that the SQL statement and the search show. */
package io.ledgerline.query.statements;
