/** The parts of the published OpenAPI documents both services share. */
package io.ledgerline.support.web.apidocs;
