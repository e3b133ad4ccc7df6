package io.ledgerline.command.customer;

import static io.ledgerline.command.customer.CustomerEvents.ADA;
import static io.ledgerline.command.customer.CustomerEvents.erased;
import static io.ledgerline.command.customer.SealedCustomerEvents.detailsChanged;
import static io.ledgerline.command.customer.SealedCustomerEvents.exactly;
import static io.ledgerline.command.customer.SealedCustomerEvents.registered;
import static io.ledgerline.command.domain.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final CustomerId GRACE = CustomerId.of("cust-grace");

    private final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    private final CustomerEvents events = new CustomerEvents(vault);
    private FixtureConfiguration<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(new InMemoryCustomerDirectory()
                .emailUsedBy("ada@example.org", ADA)
                .emailUsedBy("grace@example.org", GRACE));
        fixture.registerInjectableResource(vault);
    }

    @Nested
    class Register {

        @Test
        void emitsCustomerRegisteredWithTrimmedDetailsSealed() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(CustomerId.of("new"), "  Alan Turing ", " alan@example.org "))
                    .expectEventsMatching(exactly(vault, registered(CustomerId.of("new"), "Alan Turing", "alan@example.org")));
        }

        @Test
        void createsTheCustomersKeyWithTheRegistration() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(CustomerId.of("new"), "Alan Turing", "alan@example.org"))
                    .expectSuccessfulHandlerExecution();

            assertThat(vault.hasKey(CustomerId.of("new"))).isTrue();
        }

        @Test
        void carriesNeitherNameNorEmailInPlainText() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(CustomerId.of("new"), "Alan Turing", "alan@example.org"))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                                    new TypeSafeMatcher<CustomerRegistered>() {
                                        @Override
                                        protected boolean matchesSafely(CustomerRegistered event) {
                                            return event.name().isSealed() && event.email().isSealed()
                                                    && !event.name().value().contains("Alan")
                                                    && !event.email().value().contains("alan");
                                        }

                                        @Override
                                        public void describeTo(Description description) {
                                            description.appendText("a registration with sealed name and email");
                                        }
                                    })));
        }

        @Test
        void acceptsANameOfExactlyTheMaximumLength() {
            String name = "n".repeat(Customer.MAX_NAME_LENGTH);
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(CustomerId.of("new"), name, "n@example.org"))
                    .expectEventsMatching(exactly(vault, registered(CustomerId.of("new"), name, "n@example.org")));
        }

        @Test
        void rejectsABlankName() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new RegisterCustomerCommand(CustomerId.of("new"), "  ", "x@example.org")),
                    InvalidCustomerName.class, InvalidCustomerName.CODE);
            assertThat(vault.hasKey(CustomerId.of("new"))).isFalse();
        }

        @Test
        void rejectsANameLongerThanTheMaximum() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new RegisterCustomerCommand(CustomerId.of("new"),
                                    "n".repeat(Customer.MAX_NAME_LENGTH + 1), "x@example.org")),
                    InvalidCustomerName.class, InvalidCustomerName.CODE);
        }

        @Test
        void rejectsAnInvalidEmail() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new RegisterCustomerCommand(CustomerId.of("new"), "Alan", "alan.example.org")),
                    InvalidEmail.class, InvalidEmail.CODE);
        }

        @Test
        void acceptsAnEmailOfExactlyTheMaximumLength() {
            String email = "a".repeat(EmailAddresses.MAX_LENGTH - "@example.org".length()) + "@example.org";
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(CustomerId.of("new"), "Alan", email))
                    .expectEventsMatching(exactly(vault, registered(CustomerId.of("new"), "Alan", email)));
        }

        @Test
        void rejectsAnEmailLongerThanTheMaximum() {
            String email = "a".repeat(EmailAddresses.MAX_LENGTH + 1 - "@example.org".length()) + "@example.org";
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new RegisterCustomerCommand(CustomerId.of("new"), "Alan", email)),
                    InvalidEmail.class, InvalidEmail.CODE);
        }

        @Test
        void rejectsAnEmailWithoutDomain() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new RegisterCustomerCommand(CustomerId.of("new"), "Alan", "alan@localhost")),
                    InvalidEmail.class, InvalidEmail.CODE);
        }

        @Test
        void rejectsAnEmailAnotherCustomerUsesIgnoringCase() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new RegisterCustomerCommand(CustomerId.of("new"), "Ada", "ADA@example.org")),
                    DuplicateEmail.class, DuplicateEmail.CODE);
            assertThat(vault.hasKey(CustomerId.of("new"))).isFalse();
        }
    }

    @Nested
    class ChangeDetails {

        @Test
        void emitsTheNewDetailsSealed() {
            fixture.given(events.registered(ADA))
                    .when(new ChangeCustomerDetailsCommand(ADA, "Ada King", "ada.king@example.org"))
                    .expectEventsMatching(exactly(vault, detailsChanged(ADA, "Ada King", "ada.king@example.org")))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void keepsItsOwnEmailWhileChangingTheName() {
            fixture.given(events.registered(ADA))
                    .when(new ChangeCustomerDetailsCommand(ADA, "Ada King", "ada@example.org"))
                    .expectEventsMatching(exactly(vault, detailsChanged(ADA, "Ada King", "ada@example.org")));
        }

        @Test
        void keepsItsOwnEmailInAnotherCase() {
            fixture.given(events.registered(ADA))
                    .when(new ChangeCustomerDetailsCommand(ADA, "Ada Lovelace", "ADA@example.org"))
                    .expectEventsMatching(exactly(vault, detailsChanged(ADA, "Ada Lovelace", "ADA@example.org")));
        }

        @Test
        void emitsNothingWhenNothingChanges() {
            fixture.given(events.registered(ADA))
                    .when(new ChangeCustomerDetailsCommand(ADA, "Ada Lovelace", "ada@example.org"))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(0L);
        }

        @Test
        void answersTheVersionOfTheLastChangeWhenNothingChangesAgain() {
            fixture.given(events.registered(ADA), events.detailsChanged(ADA, "Ada King", "king@example.org"))
                    .when(new ChangeCustomerDetailsCommand(ADA, "Ada King", "king@example.org"))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(1L);
        }

        @Test
        void rejectsAnEmailAnotherCustomerUses() {
            assertRefused(fixture.given(events.registered(ADA))
                            .when(new ChangeCustomerDetailsCommand(ADA, "Ada", "grace@example.org")),
                    DuplicateEmail.class, DuplicateEmail.CODE);
        }

        @Test
        void rejectsABlankName() {
            assertRefused(fixture.given(events.registered(ADA))
                            .when(new ChangeCustomerDetailsCommand(ADA, "", "ada@example.org")),
                    InvalidCustomerName.class, InvalidCustomerName.CODE);
        }

        @Test
        void rejectsAnInvalidEmail() {
            assertRefused(fixture.given(events.registered(ADA))
                            .when(new ChangeCustomerDetailsCommand(ADA, "Ada", "not-an-email")),
                    InvalidEmail.class, InvalidEmail.CODE);
        }

        @Test
        void rejectsAnErasedCustomer() {
            assertRefused(fixture.given(events.registered(ADA), erased(ADA))
                            .when(new ChangeCustomerDetailsCommand(ADA, "Ada", "ada2@example.org")),
                    CustomerIsErased.class, CustomerIsErased.CODE);
        }
    }

    @Nested
    class Erase {

        @Test
        void emitsCustomerErased() {
            fixture.given(events.registered(ADA), events.detailsChanged(ADA, "Ada King", "ada.king@example.org"))
                    .when(new EraseCustomerCommand(ADA))
                    .expectEvents(new CustomerErased(ADA))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void deletesTheCustomersKeySoThatNoEarlierEventOpensAgain() {
            CustomerRegistered registration = events.registered(ADA);
            fixture.given(registration)
                    .when(new EraseCustomerCommand(ADA))
                    .expectSuccessfulHandlerExecution();

            assertThat(vault.hasKey(ADA)).isFalse();
            assertThat(vault.open(ADA, PersonalDataField.NAME, registration.name())).isEqualTo(PersonalDataOpener.ERASED);
            assertThat(vault.open(ADA, PersonalDataField.EMAIL, registration.email())).isEqualTo(PersonalDataOpener.ERASED);
        }

        @Test
        void forgetsThePersonalDataItHeld() {
            fixture.given(events.registered(ADA))
                    .when(new EraseCustomerCommand(ADA))
                    .expectState(customer -> assertThat(customer).extracting("name", "email").containsOnlyNulls());
        }

        @Test
        void rejectsErasingTwice() {
            assertRefused(fixture.given(events.registered(ADA), erased(ADA)).when(new EraseCustomerCommand(ADA)),
                    CustomerIsErased.class, CustomerIsErased.CODE);
        }
    }
}
