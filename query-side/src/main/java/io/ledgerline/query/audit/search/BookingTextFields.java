package io.ledgerline.query.audit.search;

import java.util.List;

/** The payload fields in which bookings and transfer requests carry their customer's free text. */
final class BookingTextFields {

    static final String DESCRIPTION = "description";
    static final String REFERENCE = "reference";
    static final String EXTERNAL_REFERENCE = "externalReference";
    static final List<String> ALL = List.of(DESCRIPTION, REFERENCE, EXTERNAL_REFERENCE);

    private BookingTextFields() {
    }
}
