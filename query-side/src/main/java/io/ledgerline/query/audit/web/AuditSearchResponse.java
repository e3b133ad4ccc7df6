package io.ledgerline.query.audit.web;

import io.ledgerline.query.audit.search.AuditDocument;
import java.util.List;

/** One page of matching events, newest first, and how many matched in all. */
public record AuditSearchResponse(List<AuditDocument> hits, long total) {
}
