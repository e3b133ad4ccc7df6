/** Customers: registering them, keeping their details, erasing their personal data. */
package io.ledgerline.command.customer;
