package io.ledgerline.command.customer;

import static io.ledgerline.command.customer.CustomerEvents.ADA;
import static io.ledgerline.command.customer.CustomerEvents.detailsChanged;
import static io.ledgerline.command.customer.CustomerEvents.erased;
import static io.ledgerline.command.customer.CustomerEvents.registered;
import static io.ledgerline.command.domain.Refusals.assertRefused;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final CustomerId GRACE = CustomerId.of("cust-grace");

    private FixtureConfiguration<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(new InMemoryCustomerDirectory()
                .emailUsedBy("ada@example.org", ADA)
                .emailUsedBy("grace@example.org", GRACE));
    }

    @Nested
    class Register {

        @Test
        void emitsCustomerRegisteredWithTrimmedDetails() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(CustomerId.of("new"), "  Alan Turing ", " alan@example.org "))
                    .expectEvents(new CustomerRegistered(CustomerId.of("new"), "Alan Turing", "alan@example.org"));
        }

        @Test
        void acceptsANameOfExactlyTheMaximumLength() {
            String name = "n".repeat(Customer.MAX_NAME_LENGTH);
            fixture.givenNoPriorActivity()
                    .when(new RegisterCustomerCommand(CustomerId.of("new"), name, "n@example.org"))
                    .expectEvents(new CustomerRegistered(CustomerId.of("new"), name, "n@example.org"));
        }

        @Test
        void rejectsABlankName() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new RegisterCustomerCommand(CustomerId.of("new"), "  ", "x@example.org")),
                    InvalidCustomerName.class, InvalidCustomerName.CODE);
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
        }
    }

    @Nested
    class ChangeDetails {

        @Test
        void emitsTheNewDetails() {
            fixture.given(registered(ADA))
                    .when(new ChangeCustomerDetailsCommand(ADA, "Ada King", "ada.king@example.org"))
                    .expectEvents(new CustomerDetailsChanged(ADA, "Ada King", "ada.king@example.org"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void keepsItsOwnEmailWhileChangingTheName() {
            fixture.given(registered(ADA))
                    .when(new ChangeCustomerDetailsCommand(ADA, "Ada King", "ada@example.org"))
                    .expectEvents(new CustomerDetailsChanged(ADA, "Ada King", "ada@example.org"));
        }

        @Test
        void emitsNothingWhenNothingChanges() {
            fixture.given(registered(ADA))
                    .when(new ChangeCustomerDetailsCommand(ADA, "Ada Lovelace", "ada@example.org"))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(0L);
        }

        @Test
        void rejectsAnEmailAnotherCustomerUses() {
            assertRefused(fixture.given(registered(ADA))
                            .when(new ChangeCustomerDetailsCommand(ADA, "Ada", "grace@example.org")),
                    DuplicateEmail.class, DuplicateEmail.CODE);
        }

        @Test
        void rejectsABlankName() {
            assertRefused(fixture.given(registered(ADA))
                            .when(new ChangeCustomerDetailsCommand(ADA, "", "ada@example.org")),
                    InvalidCustomerName.class, InvalidCustomerName.CODE);
        }

        @Test
        void rejectsAnInvalidEmail() {
            assertRefused(fixture.given(registered(ADA))
                            .when(new ChangeCustomerDetailsCommand(ADA, "Ada", "not-an-email")),
                    InvalidEmail.class, InvalidEmail.CODE);
        }

        @Test
        void rejectsAnErasedCustomer() {
            assertRefused(fixture.given(registered(ADA), erased(ADA))
                            .when(new ChangeCustomerDetailsCommand(ADA, "Ada", "ada2@example.org")),
                    CustomerIsErased.class, CustomerIsErased.CODE);
        }
    }

    @Nested
    class Erase {

        @Test
        void emitsCustomerErased() {
            fixture.given(registered(ADA), detailsChanged(ADA, "Ada King", "ada.king@example.org"))
                    .when(new EraseCustomerCommand(ADA))
                    .expectEvents(new CustomerErased(ADA))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void replacesThePersonalDataWithTheErasureMarker() {
            fixture.given(registered(ADA))
                    .when(new EraseCustomerCommand(ADA))
                    .expectState(customer -> {
                        org.assertj.core.api.Assertions.assertThat(customer)
                                .extracting("name", "email").containsOnly(Customer.ERASED);
                    });
        }

        @Test
        void rejectsErasingTwice() {
            assertRefused(fixture.given(registered(ADA), erased(ADA)).when(new EraseCustomerCommand(ADA)),
                    CustomerIsErased.class, CustomerIsErased.CODE);
        }
    }
}
