/** Identifiers the services make for messages and requests. */
package io.ledgerline.support.ids;
