package io.ledgerline.query.accounts;

import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.projection.SqlProjector;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one statement line per money movement, keyed by the event's place in the account's
 * history. Amounts are signed: money in is positive, money out negative. The counterparty of a
 * transfer line comes from the transfer, which may be projected before or after the line.
 */
@Component
class StatementProjector implements SqlProjector {

    private final JdbcClient jdbc;

    StatementProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(ReceivedEvent event) {
        if (event.payload() instanceof MoneyDeposited deposited) {
            line(event, StatementLineType.DEPOSIT, deposited.amount(), deposited.balance(),
                    deposited.description(), null);
        } else if (event.payload() instanceof MoneyWithdrawn withdrawn) {
            line(event, StatementLineType.WITHDRAWAL, withdrawn.amount().negate(), withdrawn.balance(),
                    withdrawn.description(), null);
        } else if (event.payload() instanceof AccountDebitedForTransfer debited) {
            line(event, StatementLineType.TRANSFER_DEBIT, debited.amount().negate(), debited.balance(),
                    null, debited.transferId());
        } else if (event.payload() instanceof AccountCreditedForTransfer credited) {
            line(event, StatementLineType.TRANSFER_CREDIT, credited.amount(), credited.balance(),
                    null, credited.transferId());
        } else if (event.payload() instanceof TransferDebitReversed reversed) {
            line(event, StatementLineType.TRANSFER_DEBIT_REVERSAL, reversed.amount(), reversed.balance(),
                    null, reversed.transferId());
        }
    }

    private void line(ReceivedEvent event, StatementLineType type, Money amount, Money balanceAfter,
            String description, TransferId transferId) {
        jdbc.sql("""
                INSERT INTO statement_line (account_id, sequence, type, amount, currency, balance_after, description,
                                            counterparty_account_id, transfer_id, occurred_at, event_id)
                VALUES (:accountId, :sequence, :type, :amount, :currency, :balanceAfter, :description,
                        (SELECT CASE WHEN source_account_id = :accountId THEN destination_account_id
                                     ELSE source_account_id END
                         FROM transfer_view WHERE transfer_id = :transferId),
                        :transferId, :occurredAt, :eventId)
                ON CONFLICT (account_id, sequence) DO NOTHING
                """)
                .param("accountId", event.aggregateId())
                .param("sequence", event.sequence())
                .param("type", type.name())
                .param("amount", amount.amount())
                .param("currency", amount.currency().getCurrencyCode())
                .param("balanceAfter", balanceAfter.amount())
                .param("description", description)
                .param("transferId", transferId == null ? null : transferId.value())
                .param("occurredAt", Timestamp.from(event.timestamp()))
                .param("eventId", event.eventId())
                .update();
    }
}
