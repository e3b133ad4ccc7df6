package io.ledgerline.query.statements;

import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.query.projection.SqlProjector;
import io.ledgerline.query.projection.TransactionBatches;
import org.springframework.stereotype.Component;

/**
 * Writes one statement line per money movement, keyed by the event's place in the account's
 * history. Amounts are signed: money in is positive, money out negative. The counterparty of a
 * transfer line comes from the transfer, which may be projected before or after the line. The lines
 * of a transaction are inserted together when it commits.
 *
 * <p>The free text of deposits and withdrawals is stored opened, with the customer whose key sealed
 * it; that customer's erasure replaces it with the mask. Text opened after the key was deleted is
 * the mask already, so a rebuild never brings it back. Text stored before sealing names no owner:
 * the account's owner is recorded as its owner (see {@link StatementLineInserts}), so the same erasure
 * masks it, and a line projected after that erasure is written masked.
 */
@Component
class StatementProjection implements SqlProjector {

    private final TransactionBatches batches;
    private final BookingTexts texts;

    StatementProjection(TransactionBatches batches, BookingTexts texts) {
        this.batches = batches;
        this.texts = texts;
    }

    @Override
    public void project(ReceivedEvent event) {
        if (event.payload() instanceof MoneyDeposited deposited) {
            line(event, StatementLineType.DEPOSIT, deposited.amount(), deposited.balance(),
                    texts.of(deposited).orElseThrow(), null);
        } else if (event.payload() instanceof MoneyWithdrawn withdrawn) {
            line(event, StatementLineType.WITHDRAWAL, withdrawn.amount().negate(), withdrawn.balance(),
                    texts.of(withdrawn).orElseThrow(), null);
        } else if (event.payload() instanceof AccountDebitedForTransfer debited) {
            line(event, StatementLineType.TRANSFER_DEBIT, debited.amount().negate(), debited.balance(),
                    BookingText.NONE, debited.transferId());
        } else if (event.payload() instanceof AccountCreditedForTransfer credited) {
            line(event, StatementLineType.TRANSFER_CREDIT, credited.amount(), credited.balance(),
                    BookingText.NONE, credited.transferId());
        } else if (event.payload() instanceof TransferDebitReversed reversed) {
            line(event, StatementLineType.TRANSFER_DEBIT_REVERSAL, reversed.amount(), reversed.balance(),
                    BookingText.NONE, reversed.transferId());
        } else if (event.payload() instanceof AccountOpened opened) {
            inserts().accountOpened(opened.accountId().value(), opened.customerId().value());
        } else if (event.payload() instanceof CustomerErased erased) {
            batches.current(StatementTextErasures.class, StatementTextErasures::new).add(erased.customerId().value());
        }
    }

    private void line(ReceivedEvent event, StatementLineType type, Money amount, Money balanceAfter,
            BookingText text, TransferId transferId) {
        inserts().add(event.aggregateId(),
                event.sequence(), type, amount, balanceAfter, text, transferId == null ? null : transferId.value(),
                event.timestamp(), event.eventId());
    }

    private StatementLineInserts inserts() {
        return batches.current(StatementLineInserts.class, StatementLineInserts::new);
    }
}
