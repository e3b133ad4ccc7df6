/** The REST commands on customers. */
package io.ledgerline.command.customer.web;
