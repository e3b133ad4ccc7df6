package io.ledgerline.query.statements;

import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.personaldata.BookingTexts;
import java.time.Instant;
import java.util.Optional;

/**
 * The one mapping of the events that move money on an account to statement lines, for every store
 * that keeps them: what the account's own event says. A transfer's lines take their text and
 * counterparty from the transfer's request ({@link TransferParticulars}), which a store joins in
 * whichever order the two arrive; {@link #line} makes the line of both.
 *
 * @param amount signed: money in positive, money out negative
 * @param text the booking's own text (deposits and withdrawals); none on a transfer's lines, whose
 *        text is the payer's and comes with the request
 * @param reasonCode why a transfer's debit was given back; only on a reversal
 */
public record StatementEntry(String accountId, long sequence, StatementLineType type, Money amount,
        Money balanceAfter, BookingText text, String transferId, String reasonCode, Instant bookedAt,
        String eventId) {

    /** The entry of an event that moves money on an account; empty for any other event. */
    public static Optional<StatementEntry> of(ReceivedEvent event, BookingTexts texts) {
        if (event.payload() instanceof MoneyDeposited deposited) {
            return Optional.of(entry(event, StatementLineType.DEPOSIT, deposited.amount(), deposited.balance(),
                    texts.of(deposited).orElseThrow(), null, null));
        }
        if (event.payload() instanceof MoneyWithdrawn withdrawn) {
            return Optional.of(entry(event, StatementLineType.WITHDRAWAL, withdrawn.amount(), withdrawn.balance(),
                    texts.of(withdrawn).orElseThrow(), null, null));
        }
        if (event.payload() instanceof AccountDebitedForTransfer debited) {
            return Optional.of(entry(event, StatementLineType.TRANSFER_DEBIT, debited.amount(), debited.balance(),
                    BookingText.NONE, debited.transferId().value(), null));
        }
        if (event.payload() instanceof AccountCreditedForTransfer credited) {
            return Optional.of(entry(event, StatementLineType.TRANSFER_CREDIT, credited.amount(), credited.balance(),
                    BookingText.NONE, credited.transferId().value(), null));
        }
        if (event.payload() instanceof TransferDebitReversed reversed) {
            return Optional.of(entry(event, StatementLineType.TRANSFER_DEBIT_REVERSAL, reversed.amount(),
                    reversed.balance(), BookingText.NONE, reversed.transferId().value(), reversed.reasonCode()));
        }
        return Optional.empty();
    }

    private static StatementEntry entry(ReceivedEvent event, StatementLineType type, Money moved, Money balanceAfter,
            BookingText text, String transferId, String reasonCode) {
        return new StatementEntry(event.aggregateId(), event.sequence(), type, type.signed(moved), balanceAfter, text,
                transferId, reasonCode, event.timestamp(), event.eventId());
    }

    public boolean isTransferLine() {
        return transferId != null;
    }

    /** The same entry with other text of its own: an owner named, or the mask. */
    public StatementEntry withText(BookingText newText) {
        return new StatementEntry(accountId, sequence, type, amount, balanceAfter, newText, transferId, reasonCode,
                bookedAt, eventId);
    }

    /**
     * The text the line shows, and whose personal data it is: the booking's own, or on a transfer's
     * lines the payer's text of the transfer (none while the request is not known).
     */
    public BookingText shownText(Optional<TransferParticulars> transfer) {
        if (!isTransferLine()) {
            return text;
        }
        return transfer.map(TransferParticulars::text).orElse(BookingText.NONE);
    }

    /**
     * The line as every statement shows it, without the counterparty's name, which is read when
     * answered.
     *
     * @param transfer the transfer's request, for a transfer's lines; empty while not known yet
     */
    public StatementLine line(Optional<TransferParticulars> transfer) {
        BookingText shown = shownText(transfer);
        String counterparty = isTransferLine() ? transfer.map(t -> t.counterpartyOf(accountId)).orElse(null) : null;
        return new StatementLine(accountId, sequence, type, amount.amount(), amount.currency().getCurrencyCode(),
                balanceAfter.amount(), shown.description(), shown.reference(), shown.externalReference(), transferId,
                counterparty, null, reasonCode, ReversalReasons.inWords(reasonCode), bookedAt, eventId);
    }
}
