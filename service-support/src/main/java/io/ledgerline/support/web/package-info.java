/** The error contract of every Ledgerline API: RFC 9457 problem details with a stable code. */
package io.ledgerline.support.web;
