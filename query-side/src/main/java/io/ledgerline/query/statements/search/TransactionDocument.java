package io.ledgerline.query.statements.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.search.AmountKeys;
import io.ledgerline.query.search.MinorUnits;
import io.ledgerline.query.statements.StatementEntry;
import io.ledgerline.query.statements.StatementLine;
import io.ledgerline.query.statements.StatementLineType;
import io.ledgerline.query.statements.StatementTransferDocument;
import io.ledgerline.query.statements.TransferParticulars;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A statement line as indexed for search, as {@link StatementEntry} maps it; its id is
 * {@code <accountId>:<aggregateSequence>}. A transfer's line carries the transfer's text and
 * counterparty, so that a search for a word of the transfer's description finds both its lines;
 * they are filled in once the transfer's request is indexed too, whichever came first.
 *
 * @param amount signed, as the statement shows it: money in positive, money out negative
 * @param amountMinor the amount moved (never negative) in minor units of the currency; left out of answers
 * @param amountKey the amount moved (never negative) as an order-preserving keyword, for range filters
 *        across currencies (see {@link AmountKeys}): minAmount and maxAmount compare the amount moved,
 *        whatever its direction; left out of answers
 * @param amountMinorLow the lowest six digits of the minor units moved, summed for exact totals (each type
 *        moves money one way only); left out of answers
 * @param amountMinorMid the next six digits; left out of answers
 * @param amountMinorHigh the digits above those; left out of answers
 * @param textOwner the customer whose personal data the line's free text is (on a transfer's lines the
 *        payer), whose erasure masks it; left out of answers, and of lines without text of a customer's own
 * @param textBeforeSealing whether that text was stored before sealing, so that no key tells whether its
 *        owner is erased (the customers index does); left out of answers
 */
public record TransactionDocument(String accountId, long sequence, StatementLineType type, String amount,
        @Schema(hidden = true) long amountMinor,
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) String amountKey,
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) Long amountMinorLow,
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) Long amountMinorMid,
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) Long amountMinorHigh, String currency,
        String balanceAfter, String description, String reference, String externalReference, String transferId,
        String counterpartyAccountId, String reasonCode, String reason, Instant timestamp, String eventId,
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) String textOwner,
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) Boolean textBeforeSealing) {

    public static final String RANGE_FIELD = "amountKey";
    public static final String SUM_LOW = "amountMinorLow";
    public static final String SUM_MID = "amountMinorMid";
    public static final String SUM_HIGH = "amountMinorHigh";
    public static final String TEXT_OWNER = "textOwner";
    /** Fields that serve filters, totals and erasure only; answers leave them out, and so does the API document. */
    public static final List<String> INTERNAL_FIELDS = List.of("amountMinor", RANGE_FIELD, SUM_LOW, SUM_MID, SUM_HIGH,
            TEXT_OWNER, "textBeforeSealing");

    /**
     * The line of an entry, with the transfer's particulars on a transfer's line once known.
     *
     * @param entry with its own text owned: text from before sealing names the account's owner
     * @param ownTextBeforeSealing whether the entry's own text was stored before sealing
     */
    static TransactionDocument of(StatementEntry entry, boolean ownTextBeforeSealing,
            Optional<StatementTransferDocument> transfer) {
        Optional<TransferParticulars> particulars = transfer.map(StatementTransferDocument::particulars);
        StatementLine line = entry.line(particulars);
        BookingText shown = entry.shownText(particulars);
        boolean beforeSealing = entry.isTransferLine()
                ? transfer.map(StatementTransferDocument::textBeforeSealing).orElse(false)
                : ownTextBeforeSealing;
        Money moved = new Money(line.amount().abs(), entry.amount().currency());
        MinorUnits.Parts parts = MinorUnits.parts(moved);
        return new TransactionDocument(line.accountId(), line.sequence(), line.type(), line.amount().toPlainString(),
                MinorUnits.of(moved), AmountKeys.of(moved.amount()), parts.low(), parts.mid(), parts.high(),
                line.currency(), line.balanceAfter().toPlainString(), line.description(), line.reference(),
                line.externalReference(), line.transferId(), line.counterpartyAccountId(), line.reasonCode(),
                line.reason(), line.occurredAt(), entry.eventId(), shown.ownerId(),
                beforeSealing && shown.ownerId() != null ? Boolean.TRUE : null);
    }

    /** The same transfer line with the transfer's particulars, as the one mapping makes it. */
    TransactionDocument withTransfer(StatementTransferDocument transfer) {
        return of(entry(), false, Optional.of(transfer));
    }

    /** The entry this line was made of, its own text as indexed. */
    StatementEntry entry() {
        Currency code = Currency.getInstance(currency);
        boolean transferLine = transferId != null;
        BookingText own = transferLine ? BookingText.NONE
                : new BookingText(textOwner == null ? null : CustomerId.of(textOwner), description, reference,
                        externalReference);
        return new StatementEntry(accountId, sequence, type, new Money(new BigDecimal(amount), code),
                new Money(new BigDecimal(balanceAfter), code), own, transferId, reasonCode, timestamp, eventId);
    }

    /** The line as both statements show it, without the counterparty's name (read when answered). */
    public StatementLine line() {
        return new StatementLine(accountId, sequence, type, new BigDecimal(amount), currency, new BigDecimal(balanceAfter),
                description, reference, externalReference, transferId, counterpartyAccountId, null, reasonCode, reason,
                timestamp, eventId);
    }

    boolean isTransferLine() {
        return transferId != null;
    }

    /** The same line with the erasure mask in place of each text of a customer's own that it has. */
    TransactionDocument masked() {
        if (textOwner == null) {
            return this;
        }
        return new TransactionDocument(accountId, sequence, type, amount, amountMinor, amountKey, amountMinorLow,
                amountMinorMid, amountMinorHigh, currency, balanceAfter, mask(description), mask(reference),
                mask(externalReference), transferId, counterpartyAccountId, reasonCode, reason, timestamp, eventId,
                textOwner, textBeforeSealing);
    }

    boolean showsTextBeforeSealing() {
        return Boolean.TRUE.equals(textBeforeSealing);
    }

    private static String mask(String text) {
        return text == null ? null : PersonalDataOpener.ERASED;
    }

    String id() {
        return accountId + ":" + sequence;
    }
}
