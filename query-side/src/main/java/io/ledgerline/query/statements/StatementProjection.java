package io.ledgerline.query.statements;

import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.query.projection.OwnersToLock;
import io.ledgerline.query.projection.SqlProjector;
import io.ledgerline.query.projection.TransactionBatches;
import org.springframework.stereotype.Component;

/**
 * Writes one statement line per money movement, as {@link StatementEntry} maps it, keyed by the
 * event's place in the account's history. A transfer's lines keep only the transfer's id: its
 * text, counterparty and counterparty's name are read with transfer_view and the customer read
 * model when the statement is answered (see {@link StatementLines}), so they are there whichever
 * of the transfer and its lines is projected first. The lines of a transaction are inserted
 * together when it commits.
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
        if (event.payload() instanceof AccountOpened opened) {
            inserts().accountOpened(opened.accountId().value(), opened.customerId().value());
        } else if (event.payload() instanceof CustomerErased erased) {
            batches.current(StatementTextErasures.class, StatementTextErasures::new).add(erased.customerId().value());
        } else {
            StatementLineInserts inserts = inserts();
            StatementEntry.of(event, inserts.texts()).ifPresent(inserts::add);
        }
    }

    /**
     * The owners whose customer_view rows {@link StatementLineInserts} share-locks: those of the
     * accounts opened, and those of the deposits' and withdrawals' text, which is the account
     * owner's where the event names none (text from before sealing). A transfer's lines carry no
     * text of their own.
     */
    @Override
    public void owners(ReceivedEvent event, OwnersToLock owners) {
        if (event.payload() instanceof AccountOpened opened) {
            owners.shared(opened.customerId().value());
        } else if (event.payload() instanceof MoneyDeposited deposited) {
            textOwner(deposited.customerId(), event, owners);
        } else if (event.payload() instanceof MoneyWithdrawn withdrawn) {
            textOwner(withdrawn.customerId(), event, owners);
        }
    }

    private static void textOwner(CustomerId named, ReceivedEvent event, OwnersToLock owners) {
        if (named != null) {
            owners.shared(named.value());
        } else {
            owners.sharedOwnerOf(event.aggregateId());
        }
    }

    private StatementLineInserts inserts() {
        return batches.current(StatementLineInserts.class, () -> new StatementLineInserts(texts.forOneBatch()));
    }
}
