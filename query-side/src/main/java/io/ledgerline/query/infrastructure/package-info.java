/** Technical wiring of the query side. */
package io.ledgerline.query.infrastructure;
