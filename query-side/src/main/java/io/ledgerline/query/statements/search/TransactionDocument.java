package io.ledgerline.query.statements.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A statement line as indexed for search; its id is {@code <accountId>:<aggregateSequence>}.
 *
 * @param amount the amount moved, always positive, as a decimal string with the currency's minor units
 * @param amountMinor the amount in minor units of the currency
 * @param amountKey the amount as an order-preserving keyword, for range filters across currencies
 *        (see {@link io.ledgerline.query.search.AmountKeys}); left out of search answers
 * @param amountMinorLow the lowest six digits of the minor units, summed for exact totals; left out of answers
 * @param amountMinorMid the next six digits; left out of answers
 * @param amountMinorHigh the digits above those; left out of answers
 * @param externalReference the payment system's id of a deposit or withdrawal; left out when there is none
 * @param textOwner the customer whose key sealed the line's free text, whose erasure masks it; left out of
 *        answers, and of lines without text of a customer's own
 */
public record TransactionDocument(String accountId, long sequence, TransactionType type, String amount,
        long amountMinor, @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) String amountKey,
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) Long amountMinorLow,
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) Long amountMinorMid,
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) Long amountMinorHigh, String currency,
        String balanceAfter, String description, String reference,
        @JsonInclude(JsonInclude.Include.NON_NULL) String externalReference, String transferId, Instant timestamp,
        String eventId, @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) String textOwner) {

    public static final String RANGE_FIELD = "amountKey";
    public static final String SUM_LOW = "amountMinorLow";
    public static final String SUM_MID = "amountMinorMid";
    public static final String SUM_HIGH = "amountMinorHigh";
    public static final String TEXT_OWNER = "textOwner";
    /** Fields that serve filters, totals and erasure only; answers leave them out, and so does the API document. */
    public static final List<String> INTERNAL_FIELDS = List.of(RANGE_FIELD, SUM_LOW, SUM_MID, SUM_HIGH, TEXT_OWNER);

    /** The same line with the erasure mask in place of each text of a customer's own that it has. */
    TransactionDocument masked() {
        if (textOwner == null) {
            return this;
        }
        return new TransactionDocument(accountId, sequence, type, amount, amountMinor, amountKey, amountMinorLow,
                amountMinorMid, amountMinorHigh, currency, balanceAfter, mask(description), mask(reference),
                mask(externalReference), transferId, timestamp, eventId, textOwner);
    }

    private static String mask(String text) {
        return text == null ? null : PersonalDataOpener.ERASED;
    }

    String id() {
        return accountId + ":" + sequence;
    }
}
