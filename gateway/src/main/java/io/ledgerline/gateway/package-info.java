/** The API gateway: one entry point in front of the command-side and query-side nodes. */
package io.ledgerline.gateway;
