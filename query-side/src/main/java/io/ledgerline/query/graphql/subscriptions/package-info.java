/** GraphQL subscriptions over WebSocket: who may hold one, how long, and the changes they are fed. */
package io.ledgerline.query.graphql.subscriptions;
