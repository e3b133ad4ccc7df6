/** How far each projection is: its position in ledger.events, its lag and its parked events. */
package io.ledgerline.query.admin;
