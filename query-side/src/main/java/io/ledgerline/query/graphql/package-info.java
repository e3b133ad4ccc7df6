/** The GraphQL query API: the features' read models in any shape, in one round trip, under REST's rules. */
package io.ledgerline.query.graphql;
