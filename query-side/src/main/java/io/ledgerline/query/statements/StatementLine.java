package io.ledgerline.query.statements;

import java.math.BigDecimal;
import java.time.Instant;

/** One money movement on an account. {@code amount} is signed: money in is positive, money out negative. */
public record StatementLine(String accountId, long sequence, String type, BigDecimal amount, String currency,
        BigDecimal balanceAfter, String description, String externalReference, String counterpartyAccountId,
        String transferId,
        Instant occurredAt) {
}
