/** What a GraphQL request may cost before it runs: size, depth, fields, aliases, one operation per request. */
package io.ledgerline.query.graphql.limits;
