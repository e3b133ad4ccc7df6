/** The customers read model in PostgreSQL, and the owner names it lends to accounts. */
package io.ledgerline.query.customers;
