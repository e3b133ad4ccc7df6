package io.ledgerline.command.transfer.web;

import io.ledgerline.command.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;

/** A transfer was requested; its outcome is read on the query side. */
public record TransferAccepted(@Schema(maxLength = ApiFormats.MAX_ID_LENGTH, pattern = ApiFormats.ID) String transferId) {
}
