/** The HTTP API to start, follow and cancel rebuilds. */
package io.ledgerline.query.rebuild.web;
