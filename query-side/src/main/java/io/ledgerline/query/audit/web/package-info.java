/** REST search over the audit index. */
package io.ledgerline.query.audit.web;
