/** The SQL projection: one consumer group applying each poll of events to every SQL read model in one transaction. */
package io.ledgerline.query.projection;
