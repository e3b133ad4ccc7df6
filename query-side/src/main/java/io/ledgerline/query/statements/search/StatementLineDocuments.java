package io.ledgerline.query.statements.search;

import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferId;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.query.search.AmountKeys;
import io.ledgerline.query.search.MinorUnits;
import io.ledgerline.query.accounts.BookingTextOwners;
import java.io.IOException;
import java.util.Optional;

/**
 * Turns the events that move money on an account into statement lines, their free text opened.
 * Text stored before sealing is given the account's owner as its owner (see {@link BookingTextOwners}).
 */
final class StatementLineDocuments {

    private final BookingTexts texts;
    private final BookingTextOwners holders;

    StatementLineDocuments(BookingTexts texts, BookingTextOwners holders) {
        this.texts = texts;
        this.holders = holders;
    }

    Optional<Line> of(ReceivedEvent event) throws IOException {
        if (event.payload() instanceof MoneyDeposited deposited) {
            return Optional.of(booking(event, deposited.accountId(), TransactionType.DEPOSIT, deposited.amount(),
                    deposited.balance(), texts.of(deposited).orElseThrow()));
        }
        if (event.payload() instanceof MoneyWithdrawn withdrawn) {
            return Optional.of(booking(event, withdrawn.accountId(), TransactionType.WITHDRAWAL, withdrawn.amount(),
                    withdrawn.balance(), texts.of(withdrawn).orElseThrow()));
        }
        if (event.payload() instanceof AccountDebitedForTransfer debited) {
            return Optional.of(Line.sealed(line(event, debited.accountId(), TransactionType.TRANSFER_DEBIT,
                    debited.amount(), debited.balance(), BookingText.NONE, debited.transferId())));
        }
        if (event.payload() instanceof AccountCreditedForTransfer credited) {
            return Optional.of(Line.sealed(line(event, credited.accountId(), TransactionType.TRANSFER_CREDIT,
                    credited.amount(), credited.balance(), BookingText.NONE, credited.transferId())));
        }
        if (event.payload() instanceof TransferDebitReversed reversed) {
            // the reason code is all a reversal says about itself, so it is what its line reads; no customer wrote it
            BookingText reason = new BookingText(null, reversed.reasonCode(), null, null);
            return Optional.of(Line.sealed(line(event, reversed.accountId(), TransactionType.TRANSFER_DEBIT_REVERSAL,
                    reversed.amount(), reversed.balance(), reason, reversed.transferId())));
        }
        return Optional.empty();
    }

    private Line booking(ReceivedEvent event, AccountId accountId, TransactionType type, Money amount,
            Money balanceAfter, BookingText text) throws IOException {
        BookingText owned = holders.withOwner(accountId.value(), text);
        return new Line(line(event, accountId, type, amount, balanceAfter, owned, null), text.showsTextBeforeSealing());
    }

    private static TransactionDocument line(ReceivedEvent event, AccountId accountId, TransactionType type,
            Money amount, Money balanceAfter, BookingText text, TransferId transferId) {
        MinorUnits.Parts parts = MinorUnits.parts(amount);
        return new TransactionDocument(accountId.value(), event.sequence(), type, amount.amount().toPlainString(),
                MinorUnits.of(amount), AmountKeys.of(amount.amount()), parts.low(), parts.mid(), parts.high(),
                amount.currency().getCurrencyCode(),
                balanceAfter.amount().toPlainString(), text.description(), text.reference(), text.externalReference(),
                transferId == null ? null : transferId.value(), event.timestamp(), event.eventId(), text.ownerId());
    }

    /**
     * A line to index.
     *
     * @param textBeforeSealing whether its text was stored before sealing: no key tells whether its
     *        owner is erased, the customers index does
     */
    record Line(TransactionDocument document, boolean textBeforeSealing) {

        static Line sealed(TransactionDocument document) {
            return new Line(document, false);
        }
    }
}
