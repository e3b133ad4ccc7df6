/** Request parameters and errors shared by the REST search endpoints of the features. */
package io.ledgerline.query.search.web;
