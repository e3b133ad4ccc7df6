package io.ledgerline.command.transfer;

import static io.ledgerline.command.domain.Refusals.assertRefused;
import static io.ledgerline.command.transfer.TransferEvents.DESTINATION;
import static io.ledgerline.command.transfer.TransferEvents.PAYER;
import static io.ledgerline.command.transfer.TransferEvents.SOURCE;
import static io.ledgerline.command.transfer.TransferEvents.TRANSFER;
import static io.ledgerline.command.transfer.TransferEvents.completed;
import static io.ledgerline.command.transfer.TransferEvents.failed;
import static io.ledgerline.command.transfer.TransferEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.command.account.AccountDirectory;
import io.ledgerline.command.account.AccountOwners;
import io.ledgerline.command.account.InvalidReference;
import io.ledgerline.command.account.SealedBookings;
import io.ledgerline.command.customer.InMemoryPersonalDataVault;
import io.ledgerline.command.domain.AmountTooLarge;
import io.ledgerline.command.domain.CurrencyMismatch;
import io.ledgerline.command.domain.InvalidAmount;
import io.ledgerline.command.domain.MoneyRange;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferRequested;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransferTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final AccountId DOLLARS = AccountId.of("acc-usd");
    /** An account the registry knows the currency of but, for the moment, no owner. */
    private static final AccountId OWNERLESS = AccountId.of("acc-ownerless");

    private final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    private FixtureConfiguration<Transfer> fixture;

    @BeforeEach
    void setUp() {
        Map<AccountId, Currency> accounts = Map.of(SOURCE, EUR, DESTINATION, EUR, DOLLARS, Currency.getInstance("USD"),
                OWNERLESS, EUR);
        Map<AccountId, CustomerId> owners = Map.of(SOURCE, PAYER, DESTINATION, CustomerId.of("cust-payee"),
                DOLLARS, PAYER);
        fixture = new AggregateTestFixture<>(Transfer.class);
        fixture.registerInjectableResource((AccountDirectory) id -> Optional.ofNullable(accounts.get(id)));
        fixture.registerInjectableResource((AccountOwners) id -> Optional.ofNullable(owners.get(id)));
        fixture.registerInjectableResource(MoneyRange.upTo("1000000000.00"));
        fixture.registerInjectableResource(vault);
    }

    private static RequestTransferCommand request(AccountId source, AccountId destination, String amount) {
        return new RequestTransferCommand(TRANSFER, source, destination, new BigDecimal(amount), EUR);
    }

    private static RequestTransferCommand withText(String description, String reference) {
        return new RequestTransferCommand(TRANSFER, SOURCE, DESTINATION, new BigDecimal("30"), EUR, description, reference);
    }

    private TransferRequested requestedWithText(String description, String reference) {
        return new TransferRequested(TRANSFER, SOURCE, DESTINATION, Money.of("30", "EUR"), PAYER,
                vault.seal(PAYER, PersonalDataField.DESCRIPTION, description),
                vault.seal(PAYER, PersonalDataField.REFERENCE, reference));
    }

    @Nested
    class Request {

        @Test
        void emitsTransferRequestedNamingTheSourceAccountsOwnerAsPayer() {
            fixture.givenNoPriorActivity()
                    .when(request(SOURCE, DESTINATION, "30"))
                    .expectEvents(requested())
                    .expectResultMessagePayload(0L);
        }

        @Test
        void sealsDescriptionAndReferenceUnderThePayersKeyForTheirFields() {
            List<Object> payloads = new ArrayList<>();
            fixture.givenNoPriorActivity()
                    .when(withText(" Rent March ", " INV-7 "))
                    .expectEventsMatching(SealedBookings.capturing(payloads));

            TransferRequested event = (TransferRequested) payloads.get(0);
            assertThat(event.payerCustomerId()).isEqualTo(PAYER);
            assertThat(event.description().value()).startsWith("v2:").doesNotContain("Rent");
            assertThat(event.reference().value()).startsWith("v2:").doesNotContain("INV");
            assertThat(vault.open(PAYER, PersonalDataField.DESCRIPTION, event.description())).isEqualTo("Rent March");
            assertThat(vault.open(PAYER, PersonalDataField.REFERENCE, event.reference())).isEqualTo("INV-7");
        }

        @Test
        void carriesNoTextAndCreatesNoKeyWhenNoneIsGiven() {
            fixture.givenNoPriorActivity()
                    .when(withText("  ", null))
                    .expectEvents(requested());

            assertThat(vault.hasKey(PAYER)).isFalse();
        }

        @Test
        void isRequestedWithoutItsTextOnceThePayerIsErasedAndCreatesNoKey() {
            vault.shred(PAYER);

            fixture.givenNoPriorActivity()
                    .when(withText("Rent March", "INV-7"))
                    .expectEvents(requested());

            assertThat(vault.hasKey(PAYER)).isFalse();
        }

        @Test
        void acceptsAReferenceOfThirtyFiveCharacters() {
            fixture.givenNoPriorActivity()
                    .when(withText(null, "x".repeat(35)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void rejectsAReferenceThatIsTooLong() {
            assertRefused(fixture.givenNoPriorActivity().when(withText(null, "x".repeat(36))),
                    InvalidReference.class, InvalidReference.CODE);
        }

        @Test
        void handlesARepeatedRequestWithTheSameTextOnce() {
            fixture.given(requestedWithText("Rent March", "INV-7"))
                    .when(withText(" Rent March", "INV-7 "))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(0L);
        }

        @Test
        void rejectsTheSameIdWithAnotherDescription() {
            assertRefused(fixture.given(requestedWithText("Rent March", "INV-7")).when(withText("Rent April", "INV-7")),
                    TransferIdReused.class, TransferIdReused.CODE);
        }

        @Test
        void rejectsTheSameIdWithAnotherReference() {
            assertRefused(fixture.given(requestedWithText("Rent March", "INV-7")).when(withText("Rent March", null)),
                    TransferIdReused.class, TransferIdReused.CODE);
        }

        @Test
        void rejectsTheSameIdWithTextWhereTheFirstHadNone() {
            assertRefused(fixture.given(requested()).when(withText("Rent March", null)),
                    TransferIdReused.class, TransferIdReused.CODE);
        }

        @Test
        void handlesARepeatedRequestOnceAfterThePayerWasErasedAsNothingIsLeftToCompare() {
            TransferRequested first = requestedWithText("Rent March", "INV-7");
            vault.shred(PAYER);

            fixture.given(first)
                    .when(withText("Rent March", "INV-7"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void acceptsExactlyTheMaximumAmount() {
            fixture.givenNoPriorActivity()
                    .when(request(SOURCE, DESTINATION, "1000000000.00"))
                    .expectEvents(new TransferRequested(TRANSFER, SOURCE, DESTINATION, Money.of("1000000000.00", "EUR"),
                            PAYER));
        }

        @Test
        void rejectsAnAmountAboveTheMaximum() {
            assertRefused(fixture.givenNoPriorActivity().when(request(SOURCE, DESTINATION, "1000000000.01")),
                    AmountTooLarge.class, AmountTooLarge.CODE);
        }

        @Test
        void rejectsTheAmountThatOverflowedTheSearchIndex() {
            assertRefused(fixture.givenNoPriorActivity().when(request(SOURCE, DESTINATION, "999999999999999")),
                    AmountTooLarge.class, AmountTooLarge.CODE);
        }

        @Test
        void handlesARepeatedRequestOnce() {
            fixture.given(requested())
                    .when(request(SOURCE, DESTINATION, "30.00"))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(0L);
        }

        @Test
        void answersARepeatedRequestWithTheTransfersCurrentVersion() {
            fixture.given(requested(), completed())
                    .when(request(SOURCE, DESTINATION, "30"))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(1L);
        }

        @Test
        void rejectsTheSameIdForAnotherTransfer() {
            assertRefused(fixture.given(requested()).when(request(SOURCE, DESTINATION, "31")),
                    TransferIdReused.class, TransferIdReused.CODE);
        }

        @Test
        void rejectsTheSameAccountOnBothSides() {
            assertRefused(fixture.givenNoPriorActivity().when(request(SOURCE, SOURCE, "30")),
                    SameAccountTransfer.class, SameAccountTransfer.CODE);
        }

        @Test
        void rejectsAZeroAmount() {
            assertRefused(fixture.givenNoPriorActivity().when(request(SOURCE, DESTINATION, "0")),
                    InvalidAmount.class, InvalidAmount.CODE);
        }

        @Test
        void rejectsMoreDecimalsThanTheCurrencyAllows() {
            assertRefused(fixture.givenNoPriorActivity().when(request(SOURCE, DESTINATION, "1.005")),
                    InvalidAmount.class, InvalidAmount.CODE);
        }

        @Test
        void rejectsAccountsInDifferentCurrencies() {
            assertRefused(fixture.givenNoPriorActivity().when(request(SOURCE, DOLLARS, "30")),
                    CurrencyMismatch.class, CurrencyMismatch.CODE);
        }

        @Test
        void rejectsAnAmountInAnotherCurrencyThanTheAccounts() {
            assertRefused(fixture.givenNoPriorActivity().when(new RequestTransferCommand(TRANSFER, SOURCE, DESTINATION,
                    BigDecimal.TEN, Currency.getInstance("GBP"))), CurrencyMismatch.class, CurrencyMismatch.CODE);
        }

        @Test
        void rejectsAnUnknownAccount() {
            assertRefused(fixture.givenNoPriorActivity().when(request(SOURCE, AccountId.of("nowhere"), "30")),
                    UnknownAccount.class, UnknownAccount.CODE);
        }

        @Test
        void rejectsASourceAccountWithoutAKnownOwner() {
            assertRefused(fixture.givenNoPriorActivity().when(request(OWNERLESS, DESTINATION, "30")),
                    UnknownAccount.class, UnknownAccount.CODE);
        }
    }

    @Nested
    class Complete {

        @Test
        void emitsTransferCompleted() {
            fixture.given(requested()).when(new CompleteTransferCommand(TRANSFER))
                    .expectEvents(new TransferCompleted(TRANSFER)).expectResultMessagePayload(1L);
        }

        @Test
        void emitsNothingWhenAlreadyCompleted() {
            fixture.given(requested(), completed()).when(new CompleteTransferCommand(TRANSFER))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void rejectsAFailedTransfer() {
            assertRefused(fixture.given(requested(), failed("X", "x")).when(new CompleteTransferCommand(TRANSFER)),
                    TransferFinished.class, TransferFinished.CODE);
        }
    }

    @Nested
    class Fail {

        @Test
        void emitsTransferFailedWithTheReasonAndAnswersTheVersion() {
            fixture.given(requested()).when(new FailTransferCommand(TRANSFER, "INSUFFICIENT_FUNDS", "no money"))
                    .expectEvents(new TransferFailed(TRANSFER, "INSUFFICIENT_FUNDS", "no money"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void emitsNothingWhenAlreadyFailed() {
            fixture.given(requested(), failed("X", "x")).when(new FailTransferCommand(TRANSFER, "Y", "y"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void rejectsACompletedTransfer() {
            assertRefused(fixture.given(requested(), completed()).when(new FailTransferCommand(TRANSFER, "Y", "y")),
                    TransferFinished.class, TransferFinished.CODE);
        }
    }
}
