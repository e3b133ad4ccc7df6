package io.ledgerline.query.search.transactions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A statement line as indexed for search; its id is {@code <accountId>:<aggregateSequence>}.
 *
 * @param amount the amount moved, always positive, as a decimal string with the currency's minor units
 * @param amountMinor the amount in minor units of the currency, for exact sums per currency
 * @param amountTenThousandths the amount in ten-thousandths, for range filters across currencies;
 *        left out of search answers
 * @param externalReference the payment system's id of a deposit or withdrawal; left out when there is
 *        none, so documents of other lines need no field an index of an earlier release lacks
 */
public record TransactionDocument(String accountId, long sequence, TransactionType type, String amount,
        long amountMinor, @JsonInclude(JsonInclude.Include.NON_NULL) Long amountTenThousandths, String currency,
        String balanceAfter, String description, String reference,
        @JsonInclude(JsonInclude.Include.NON_NULL) String externalReference, String transferId, Instant timestamp,
        String eventId) {

    public static final String RANGE_FIELD = "amountTenThousandths";

    String id() {
        return accountId + ":" + sequence;
    }
}
