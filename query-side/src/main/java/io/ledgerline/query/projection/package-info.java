/** The SQL projection: one consumer group applying each event to every SQL read model in one transaction. */
package io.ledgerline.query.projection;
