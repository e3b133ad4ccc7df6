package io.ledgerline.query.statements;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One money movement on an account as both statements show it (SQL and search), made by
 * {@link io.ledgerline.query.statements.StatementEntry#line}.
 *
 * @param amount signed: money in is positive, money out negative
 * @param description a deposit's or withdrawal's own text; on a transfer's lines the transfer's
 * @param reference a deposit's payer's reference; on a transfer's lines the payer's reference of the transfer
 * @param externalReference the payment system's id of a deposit or withdrawal
 * @param counterpartyAccountId the other account of a transfer, once its request is known
 * @param counterpartyName that account's owner's name, read from the customer read model when answered
 * @param reasonCode why a transfer's debit was given back; only on a reversal
 * @param reason the same in words
 * @param eventId the event that booked the line
 */
public record StatementLine(String accountId, long sequence, StatementLineType type, BigDecimal amount,
        String currency, BigDecimal balanceAfter, String description, String reference, String externalReference,
        String transferId, String counterpartyAccountId, String counterpartyName, String reasonCode, String reason,
        Instant occurredAt, String eventId) {

    public StatementLine withCounterpartyName(String name) {
        return new StatementLine(accountId, sequence, type, amount, currency, balanceAfter, description, reference,
                externalReference, transferId, counterpartyAccountId, name, reasonCode, reason, occurredAt, eventId);
    }
}
