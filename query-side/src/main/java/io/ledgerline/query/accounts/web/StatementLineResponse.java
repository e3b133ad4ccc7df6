package io.ledgerline.query.accounts.web;

import io.ledgerline.query.accounts.StatementLine;
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
        String counterpartyAccountId,
        String transferId,
        Instant occurredAt) {

    static StatementLineResponse of(StatementLine line) {
        return new StatementLineResponse(line.sequence(), line.type(), line.amount().toPlainString(), line.currency(),
                line.balanceAfter().toPlainString(), line.description(), line.counterpartyAccountId(),
                line.transferId(), line.occurredAt());
    }
}
