/** Which side serves which request: the split read from the two committed API documents. */
package io.ledgerline.gateway.routing;
