/** REST reads of customers. */
package io.ledgerline.query.customers.web;
