package io.ledgerline.command.transfer;

import static io.ledgerline.command.domain.Refusals.assertRefused;
import static io.ledgerline.command.transfer.TransferEvents.DESTINATION;
import static io.ledgerline.command.transfer.TransferEvents.SOURCE;
import static io.ledgerline.command.transfer.TransferEvents.TRANSFER;
import static io.ledgerline.command.transfer.TransferEvents.completed;
import static io.ledgerline.command.transfer.TransferEvents.failed;
import static io.ledgerline.command.transfer.TransferEvents.requested;

import io.ledgerline.command.account.AccountDirectory;
import io.ledgerline.command.domain.AmountTooLarge;
import io.ledgerline.command.domain.CurrencyMismatch;
import io.ledgerline.command.domain.InvalidAmount;
import io.ledgerline.command.domain.MoneyRange;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferRequested;
import java.math.BigDecimal;
import java.util.Currency;
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

    private FixtureConfiguration<Transfer> fixture;

    @BeforeEach
    void setUp() {
        Map<AccountId, Currency> accounts = Map.of(SOURCE, EUR, DESTINATION, EUR, DOLLARS, Currency.getInstance("USD"));
        fixture = new AggregateTestFixture<>(Transfer.class);
        fixture.registerInjectableResource((AccountDirectory) id -> Optional.ofNullable(accounts.get(id)));
        fixture.registerInjectableResource(MoneyRange.upTo("1000000000.00"));
    }

    private static RequestTransferCommand request(AccountId source, AccountId destination, String amount) {
        return new RequestTransferCommand(TRANSFER, source, destination, new BigDecimal(amount), EUR);
    }

    @Nested
    class Request {

        @Test
        void emitsTransferRequested() {
            fixture.givenNoPriorActivity()
                    .when(request(SOURCE, DESTINATION, "30"))
                    .expectEvents(requested())
                    .expectResultMessagePayload(0L);
        }

        @Test
        void acceptsExactlyTheMaximumAmount() {
            fixture.givenNoPriorActivity()
                    .when(request(SOURCE, DESTINATION, "1000000000.00"))
                    .expectEvents(new TransferRequested(TRANSFER, SOURCE, DESTINATION, Money.of("1000000000.00", "EUR")));
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
        void emitsTransferFailedWithTheReason() {
            fixture.given(requested()).when(new FailTransferCommand(TRANSFER, "INSUFFICIENT_FUNDS", "no money"))
                    .expectEvents(new TransferFailed(TRANSFER, "INSUFFICIENT_FUNDS", "no money"));
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
