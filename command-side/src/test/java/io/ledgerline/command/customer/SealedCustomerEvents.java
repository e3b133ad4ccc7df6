package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Expects customer events whose name and email are sealed, never plain, and open under the vault's
 * keys to the given text. Sealed values differ on every seal (fresh IV), so events cannot be
 * compared with equals.
 */
final class SealedCustomerEvents {

    /** A customer event with its personal data opened; other events are kept as they are. */
    record Opened(Class<?> type, CustomerId customerId, String name, String email) {
    }

    private SealedCustomerEvents() {
    }

    static Opened registered(CustomerId customerId, String name, String email) {
        return new Opened(CustomerRegistered.class, customerId, name, email);
    }

    static Opened detailsChanged(CustomerId customerId, String name, String email) {
        return new Opened(CustomerDetailsChanged.class, customerId, name, email);
    }

    static Matcher<List<EventMessage<?>>> exactly(PersonalDataVault vault, Opened... expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.stream().map(event -> opened(vault, event.getPayload())).toList()
                        .equals(List.of(expected));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("sealed events opening to ").appendValueList("[", ", ", "]", expected);
            }

            @Override
            protected void describeMismatchSafely(List<EventMessage<?>> events, Description mismatch) {
                mismatch.appendText("were ").appendValueList("[", ", ", "]",
                        events.stream().map(event -> opened(vault, event.getPayload())).toList());
            }
        };
    }

    private static Object opened(PersonalDataVault vault, Object payload) {
        if (payload instanceof CustomerRegistered registered) {
            return new Opened(CustomerRegistered.class, registered.customerId(),
                    open(vault, registered.customerId(), PersonalDataField.NAME, registered.name()),
                    open(vault, registered.customerId(), PersonalDataField.EMAIL, registered.email()));
        }
        if (payload instanceof CustomerDetailsChanged changed) {
            return new Opened(CustomerDetailsChanged.class, changed.customerId(),
                    open(vault, changed.customerId(), PersonalDataField.NAME, changed.name()), open(vault, changed.customerId(), PersonalDataField.EMAIL, changed.email()));
        }
        return payload;
    }

    private static String open(PersonalDataVault vault, CustomerId owner, PersonalDataField field, PersonalData value) {
        return value.isSealed() ? vault.open(owner, field, value) : "NOT SEALED: " + value;
    }
}
