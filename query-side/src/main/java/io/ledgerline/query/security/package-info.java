/** Who may read what on the query side: its role matrix and the limit of a customer to their own data. */
package io.ledgerline.query.security;
