package io.ledgerline.command.account;

import io.ledgerline.command.customer.PersonalDataVault;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Expects deposits and withdrawals whose free text is sealed under the owner's key for its own
 * field, never plain, and opens to the given text (null where the event carries none). Sealed
 * values differ on every seal (fresh IV), so events cannot be compared with equals.
 */
public final class SealedBookings {

    public record OpenedDeposit(AccountId accountId, CustomerId owner, Money amount, Money balance, String description,
            String reference, String externalReference) {
    }

    public record OpenedWithdrawal(AccountId accountId, CustomerId owner, Money amount, Money balance, String description,
            String externalReference) {
    }

    private SealedBookings() {
    }

    public static Matcher<List<EventMessage<?>>> exactly(PersonalDataVault vault, Object... expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return opened(vault, events).equals(List.of(expected));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("bookings with sealed text opening to ").appendValueList("[", ", ", "]", expected);
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description mismatch) {
                mismatch.appendText("were ").appendValueList("[", ", ", "]", opened(vault, events));
            }
        };
    }

    /** Matches any events and keeps their payloads, for what a fixture cannot assert itself. */
    public static Matcher<List<EventMessage<?>>> capturing(List<Object> payloads) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                events.forEach(event -> payloads.add(event.getPayload()));
                return !events.isEmpty();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("some events");
            }
        };
    }

    private static List<Object> opened(PersonalDataVault vault, List<EventMessage<?>> events) {
        return events.stream().map(event -> opened(vault, event.getPayload())).toList();
    }

    private static Object opened(PersonalDataVault vault, Object payload) {
        if (payload instanceof MoneyDeposited deposited) {
            CustomerId owner = deposited.customerId();
            return new OpenedDeposit(deposited.accountId(), owner, deposited.amount(), deposited.balance(),
                    open(vault, owner, PersonalDataField.DESCRIPTION, deposited.description()),
                    open(vault, owner, PersonalDataField.REFERENCE, deposited.reference()),
                    open(vault, owner, PersonalDataField.EXTERNAL_REFERENCE, deposited.externalReference()));
        }
        if (payload instanceof MoneyWithdrawn withdrawn) {
            CustomerId owner = withdrawn.customerId();
            return new OpenedWithdrawal(withdrawn.accountId(), owner, withdrawn.amount(), withdrawn.balance(),
                    open(vault, owner, PersonalDataField.DESCRIPTION, withdrawn.description()),
                    open(vault, owner, PersonalDataField.EXTERNAL_REFERENCE, withdrawn.externalReference()));
        }
        return payload;
    }

    /** Opening checks owner and field: a value sealed for another customer or field does not open. */
    static String open(PersonalDataVault vault, CustomerId owner, PersonalDataField field, PersonalData value) {
        if (value == null) {
            return null;
        }
        if (!value.value().startsWith(PersonalData.SEALED_PREFIX)) {
            return "NOT SEALED AS v2: " + value;
        }
        try {
            return vault.open(owner, field, value);
        } catch (RuntimeException unreadable) {
            return "DOES NOT OPEN AS " + owner + "'s " + field + ": " + unreadable;
        }
    }
}
