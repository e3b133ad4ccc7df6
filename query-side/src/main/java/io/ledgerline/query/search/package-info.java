/** The Elasticsearch read models: indices behind aliases, kept by their projections, and search over them. */
package io.ledgerline.query.search;
