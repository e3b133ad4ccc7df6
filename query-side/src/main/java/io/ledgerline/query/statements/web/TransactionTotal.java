package io.ledgerline.query.statements.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How many matching lines of one type or one month there are in one currency, and their exact sum
 * as a decimal string with the currency's minor units. Exactly one of type and month is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionTotal(String type, String month, String currency, long count, String amount) {
}
