/**
 * Dead letters of the projections: an event a projection cannot apply is parked with its error,
 * later events of the same aggregate wait behind it, and an operator retries them in order.
 */
package io.ledgerline.query.parking;
