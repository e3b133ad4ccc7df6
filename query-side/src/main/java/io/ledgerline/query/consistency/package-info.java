/** Read-your-writes waits and live updates, both driven by the projection's commit notifications. */
package io.ledgerline.query.consistency;
