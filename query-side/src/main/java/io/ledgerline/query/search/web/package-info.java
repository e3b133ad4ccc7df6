/** REST search over the Elasticsearch read models. */
package io.ledgerline.query.search.web;
