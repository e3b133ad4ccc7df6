/** The admin API over parked events: list them, read one, retry an aggregate's parked events. */
package io.ledgerline.query.parking.web;
