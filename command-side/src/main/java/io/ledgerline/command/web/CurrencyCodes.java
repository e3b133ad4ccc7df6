package io.ledgerline.command.web;

import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import java.util.Currency;
import org.springframework.http.HttpStatus;

/** Reads a currency of a request: an unknown code is malformed input (400), an unsupported one a rule (422). */
public final class CurrencyCodes {

    private CurrencyCodes() {
    }

    public static Currency parse(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                    "'" + code + "' is not an ISO-4217 currency code");
        }
    }
}
