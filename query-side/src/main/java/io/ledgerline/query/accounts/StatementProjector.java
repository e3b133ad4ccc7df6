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
import io.ledgerline.query.projection.TransactionBatches;
import java.sql.Timestamp;
import java.sql.Types;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Writes one statement line per money movement, keyed by the event's place in the account's
 * history. Amounts are signed: money in is positive, money out negative. The counterparty of a
 * transfer line comes from the transfer, which may be projected before or after the line. The lines
 * of a transaction are inserted together when it commits.
 */
@Component
class StatementProjector implements SqlProjector {

    private final TransactionBatches batches;

    StatementProjector(TransactionBatches batches) {
        this.batches = batches;
    }

    @Override
    public void project(ReceivedEvent event) {
        if (event.payload() instanceof MoneyDeposited deposited) {
            line(event, StatementLineType.DEPOSIT, deposited.amount(), deposited.balance(),
                    deposited.description(), deposited.externalReference(), null);
        } else if (event.payload() instanceof MoneyWithdrawn withdrawn) {
            line(event, StatementLineType.WITHDRAWAL, withdrawn.amount().negate(), withdrawn.balance(),
                    withdrawn.description(), withdrawn.externalReference(), null);
        } else if (event.payload() instanceof AccountDebitedForTransfer debited) {
            line(event, StatementLineType.TRANSFER_DEBIT, debited.amount().negate(), debited.balance(),
                    null, null, debited.transferId());
        } else if (event.payload() instanceof AccountCreditedForTransfer credited) {
            line(event, StatementLineType.TRANSFER_CREDIT, credited.amount(), credited.balance(),
                    null, null, credited.transferId());
        } else if (event.payload() instanceof TransferDebitReversed reversed) {
            line(event, StatementLineType.TRANSFER_DEBIT_REVERSAL, reversed.amount(), reversed.balance(),
                    null, null, reversed.transferId());
        }
    }

    private void line(ReceivedEvent event, StatementLineType type, Money amount, Money balanceAfter,
            String description, String externalReference, TransferId transferId) {
        batches.current(StatementLineInserts.class, StatementLineInserts::new).add(event.aggregateId(),
                event.sequence(), new MapSqlParameterSource()
                        .addValue("accountId", event.aggregateId())
                        .addValue("sequence", event.sequence())
                        .addValue("type", type.name())
                        .addValue("amount", amount.amount())
                        .addValue("currency", amount.currency().getCurrencyCode())
                        .addValue("balanceAfter", balanceAfter.amount())
                        .addValue("description", description, Types.VARCHAR)
                        .addValue("externalReference",
                                externalReference == null || externalReference.isEmpty() ? null : externalReference,
                                Types.VARCHAR)
                        .addValue("transferId", transferId == null ? null : transferId.value(), Types.VARCHAR)
                        .addValue("occurredAt", Timestamp.from(event.timestamp()))
                        .addValue("eventId", event.eventId()));
    }
}
