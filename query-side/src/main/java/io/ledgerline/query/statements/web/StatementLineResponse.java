package io.ledgerline.query.statements.web;

import io.ledgerline.query.statements.StatementLine;
import io.ledgerline.query.statements.StatementLineType;
import io.ledgerline.query.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A statement line as both the statement (SQL) and the transaction search (Elasticsearch) answer it. */
@Schema(requiredProperties = {"accountId", "sequence", "type", "amount", "currency", "balanceAfter", "description",
        "reference", "externalReference", "transferId", "counterpartyAccountId", "counterpartyName", "reasonCode",
        "reason", "occurredAt", "eventId"})
public record StatementLineResponse(
        @Schema(description = "The account the line is on", pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String accountId,
        @Schema(description = "The line's place in the account's history", minimum = "0", maximum = "9223372036854775807") long sequence,
        StatementLineType type,
        @Schema(description = "Signed: money in is positive, money out negative", example = "\"-12.50\"",
                pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String amount,
        @Schema(description = "ISO-4217 code", example = "EUR", pattern = ApiFormats.CURRENCY, maxLength = 3)
        String currency,
        @Schema(description = "The account's balance after the line", example = "\"87.50\"",
                pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String balanceAfter,
        @Schema(description = "A deposit's or withdrawal's description; on a transfer's lines the transfer's "
                + "description (the payer's); the erasure mask once its owner is erased", example = "rent share",
                types = {"string", "null"}, maxLength = ApiFormats.MAX_TEXT_LENGTH) String description,
        @Schema(description = "A deposit's payer's reference; on a transfer's lines the payer's reference of the "
                + "transfer", example = "INV-2026-113", types = {"string", "null"},
                maxLength = ApiFormats.MAX_TEXT_LENGTH) String reference,
        @Schema(description = "The payment system's id of a deposit or withdrawal", example = "PAY-7f3a9c21",
                types = {"string", "null"}, maxLength = ApiFormats.MAX_TEXT_LENGTH) String externalReference,
        @Schema(description = "The transfer of a transfer's line", types = {"string", "null"}, pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH)
        String transferId,
        @Schema(description = "The transfer's other account, once the transfer is known", types = {"string", "null"},
                pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH)
        String counterpartyAccountId,
        @Schema(description = "The name of that account's owner; null while unknown or once erased", types = {"string", "null"},
                maxLength = ApiFormats.MAX_TEXT_LENGTH)
        String counterpartyName,
        @Schema(description = "Why a transfer's debit was given back; only on a reversal", example = "ACCOUNT_CLOSED",
                types = {"string", "null"}, pattern = ApiFormats.CODE, maxLength = ApiFormats.MAX_CODE_LENGTH)
        String reasonCode,
        @Schema(description = "The same in words", example = "Transfer returned: the receiving account is closed",
                types = {"string", "null"}, maxLength = ApiFormats.MAX_TEXT_LENGTH) String reason,
        @Schema(description = "When the money moved: the booking date") Instant occurredAt,
        @Schema(description = "The event that booked the line", pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String eventId) {

    public static StatementLineResponse of(StatementLine line) {
        return new StatementLineResponse(line.accountId(), line.sequence(), line.type(), line.amount().toPlainString(),
                line.currency(), line.balanceAfter().toPlainString(), line.description(), line.reference(),
                line.externalReference(), line.transferId(), line.counterpartyAccountId(), line.counterpartyName(),
                line.reasonCode(), line.reason(), line.occurredAt(), line.eventId());
    }
}
