package io.ledgerline.query.audit.web;

import io.ledgerline.query.audit.search.AuditDocument;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of matching events, newest first, and how many matched in all. */
public record AuditSearchResponse(@ArraySchema(maxItems = 100) List<AuditDocument> hits,
        @Schema(description = "How many matched in all", minimum = "0", maximum = "9223372036854775807") long total) {
}
