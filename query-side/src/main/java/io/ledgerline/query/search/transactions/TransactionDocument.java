package io.ledgerline.query.search.transactions;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 */
public record TransactionDocument(String accountId, long sequence, TransactionType type, String amount,
        long amountMinor, @JsonInclude(JsonInclude.Include.NON_NULL) String amountKey,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long amountMinorLow,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long amountMinorMid,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long amountMinorHigh, String currency,
        String balanceAfter, String description, String reference,
        @JsonInclude(JsonInclude.Include.NON_NULL) String externalReference, String transferId, Instant timestamp,
        String eventId) {

    public static final String RANGE_FIELD = "amountKey";
    public static final String SUM_LOW = "amountMinorLow";
    public static final String SUM_MID = "amountMinorMid";
    public static final String SUM_HIGH = "amountMinorHigh";
    /** Fields that serve filters and totals only; answers leave them out. */
    public static final List<String> INTERNAL_FIELDS = List.of(RANGE_FIELD, SUM_LOW, SUM_MID, SUM_HIGH);

    String id() {
        return accountId + ":" + sequence;
    }
}
