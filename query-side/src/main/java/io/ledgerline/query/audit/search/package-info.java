/** The audit index: every event with who did it and why, searchable by user, correlation, type, time and text. */
package io.ledgerline.query.audit.search;
