package io.ledgerline.command.account.web;

import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import org.springframework.http.HttpStatus;

/** A customer asked to book a deposit or withdrawal, even on their own account. */
class BookingNotAllowed extends ApiException {

    BookingNotAllowed() {
        super(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
                "Deposits and withdrawals are booked by a teller or the payment system; customers move money by transfer");
    }
}
