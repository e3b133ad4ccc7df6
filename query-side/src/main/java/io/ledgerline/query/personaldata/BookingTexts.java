package io.ledgerline.query.personaldata;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.support.personaldata.PersonalDataOpener.FieldValue;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Opens the free text of deposits, withdrawals and transfer requests with one key lookup per event,
 * or per customer within one batch of events ({@link #forOneBatch}), for every read model that shows
 * it: the statement in SQL, the transactions index and the audit index all read the same text the
 * same way.
 */
@Component
public class BookingTexts {

    private final PersonalDataOpener opener;

    public BookingTexts(PersonalDataOpener opener) {
        this.opener = opener;
    }

    /**
     * Texts for the events of one batch, written together: each customer's key is looked up once
     * for all of them instead of once per event (see {@link PersonalDataOpener#forOneBatch}). Used
     * for that batch only.
     */
    public BookingTexts forOneBatch() {
        return new BookingTexts(opener.forOneBatch());
    }

    /** The opened text of an event that carries a customer's free text; empty for any other event. */
    public Optional<BookingText> of(LedgerEvent event) {
        if (event instanceof MoneyDeposited deposited) {
            return Optional.of(open(deposited.customerId(), deposited.description(), deposited.reference(),
                    deposited.externalReference()));
        }
        if (event instanceof MoneyWithdrawn withdrawn) {
            return Optional.of(open(withdrawn.customerId(), withdrawn.description(), null,
                    withdrawn.externalReference()));
        }
        if (event instanceof TransferRequested requested) {
            return Optional.of(open(requested.payerCustomerId(), requested.description(), requested.reference(), null));
        }
        return Optional.empty();
    }

    private BookingText open(CustomerId owner, PersonalData description, PersonalData reference,
            PersonalData externalReference) {
        List<String> opened = opener.openAll(owner, List.of(
                new FieldValue(PersonalDataField.DESCRIPTION, description),
                new FieldValue(PersonalDataField.REFERENCE, reference),
                new FieldValue(PersonalDataField.EXTERNAL_REFERENCE, externalReference)));
        return new BookingText(owner, opened.get(0), opened.get(1), opened.get(2));
    }
}
