/** How the query side answers failures of its read stores over HTTP. */
package io.ledgerline.query.web;
