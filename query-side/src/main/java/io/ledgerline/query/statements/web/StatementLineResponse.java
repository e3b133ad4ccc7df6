package io.ledgerline.query.statements.web;

import io.ledgerline.query.statements.StatementLine;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

public record StatementLineResponse(
        @Schema(description = "The line's place in the account's history") long sequence,
        @Schema(allowableValues = {"DEPOSIT", "WITHDRAWAL", "TRANSFER_DEBIT", "TRANSFER_CREDIT",
                "TRANSFER_DEBIT_REVERSAL"}) String type,
        @Schema(description = "Signed: money in is positive, money out negative", example = "-12.50") String amount,
        String currency,
        @Schema(example = "87.50") String balanceAfter,
        String description,
        @Schema(description = "The payment system's id of a deposit or withdrawal", example = "PAY-7f3a9c21",
                nullable = true) String externalReference,
        String counterpartyAccountId,
        String transferId,
        Instant occurredAt) {

    static StatementLineResponse of(StatementLine line) {
        return new StatementLineResponse(line.sequence(), line.type(), line.amount().toPlainString(), line.currency(),
                line.balanceAfter().toPlainString(), line.description(), line.externalReference(), line.counterpartyAccountId(),
                line.transferId(), line.occurredAt());
    }
}
