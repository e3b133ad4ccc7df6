package io.ledgerline.command.account;

import static io.ledgerline.command.account.AccountEvents.ACCOUNT;
import static io.ledgerline.command.account.AccountEvents.EUR;
import static io.ledgerline.command.account.AccountEvents.OWNER;
import static io.ledgerline.command.account.AccountEvents.closed;
import static io.ledgerline.command.account.AccountEvents.creditedForTransfer;
import static io.ledgerline.command.account.AccountEvents.debitReversed;
import static io.ledgerline.command.account.AccountEvents.debitSettled;
import static io.ledgerline.command.account.AccountEvents.debitedForTransfer;
import static io.ledgerline.command.account.AccountEvents.deposited;
import static io.ledgerline.command.account.AccountEvents.eur;
import static io.ledgerline.command.account.AccountEvents.frozen;
import static io.ledgerline.command.account.AccountEvents.opened;
import static io.ledgerline.command.account.AccountEvents.overdraftLimitChanged;
import static io.ledgerline.command.account.AccountEvents.withdrawn;
import static io.ledgerline.command.account.SealedBookings.exactly;
import static io.ledgerline.command.domain.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.ledgerline.command.account.SealedBookings.OpenedDeposit;
import io.ledgerline.command.account.SealedBookings.OpenedWithdrawal;
import io.ledgerline.command.customer.CustomerIsErased;
import io.ledgerline.command.customer.InMemoryCustomerDirectory;
import io.ledgerline.command.customer.InMemoryPersonalDataVault;
import io.ledgerline.command.domain.AmountTooLarge;
import io.ledgerline.command.domain.CurrencyMismatch;
import io.ledgerline.command.domain.InvalidAmount;
import io.ledgerline.command.domain.MoneyRange;
import io.ledgerline.events.AccountClosed;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.AccountUnfrozen;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.events.TransferId;
import io.ledgerline.support.personaldata.PersonalDataUnreadable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final TransferId TRANSFER = TransferId.of("tr-1");
    private static final CustomerId ERASED_CUSTOMER = CustomerId.of("cust-erased");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final String MAX = "1000000000.00";
    private static final String ABOVE_MAX = "1000000000.01";
    private static final String MAX_JPY = "100000000000";

    private final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(new InMemoryCustomerDirectory().active(OWNER).erased(ERASED_CUSTOMER));
        fixture.registerInjectableResource(new MoneyRange(new BigDecimal(MAX), Map.of(JPY, new BigDecimal(MAX_JPY))));
    }

    private static DepositMoneyCommand deposit(String amount) {
        return new DepositMoneyCommand(ACCOUNT, new BigDecimal(amount), EUR, "deposit");
    }

    private static WithdrawMoneyCommand withdraw(String amount) {
        return new WithdrawMoneyCommand(ACCOUNT, new BigDecimal(amount), EUR, "withdrawal");
    }

    @Nested
    class Open {

        @Test
        void emitsAccountOpenedWithTheGivenOverdraftLimit() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccountCommand(ACCOUNT, OWNER, EUR, new BigDecimal("100")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountOpened(ACCOUNT, OWNER, EUR, eur("100.00")));
        }

        @Test
        void opensWithoutOverdraftWhenNoLimitIsGiven() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccountCommand(ACCOUNT, OWNER, Currency.getInstance("JPY"), null))
                    .expectEvents(new AccountOpened(ACCOUNT, OWNER, Currency.getInstance("JPY"), Money.of("0", "JPY")));
        }

        @Test
        void rejectsAnUnknownCustomer() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new OpenAccountCommand(ACCOUNT, CustomerId.of("nobody"), EUR, null)),
                    UnknownCustomer.class, UnknownCustomer.CODE);
        }

        @Test
        void rejectsAnErasedCustomer() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new OpenAccountCommand(ACCOUNT, ERASED_CUSTOMER, EUR, null)),
                    CustomerIsErased.class, CustomerIsErased.CODE);
        }

        @Test
        void rejectsAnUnsupportedCurrency() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new OpenAccountCommand(ACCOUNT, OWNER, Currency.getInstance("SEK"), null)),
                    UnsupportedCurrency.class, UnsupportedCurrency.CODE);
        }

        @Test
        void namesTheSupportedCurrenciesWhenRefusingAnother() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccountCommand(ACCOUNT, OWNER, Currency.getInstance("SEK"), null))
                    .expectException(UnsupportedCurrency.class)
                    .expectExceptionMessage(allOf(containsString("EUR"), containsString("JPY")));
        }

        @Test
        void rejectsANegativeOverdraftLimit() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new OpenAccountCommand(ACCOUNT, OWNER, EUR, new BigDecimal("-1"))),
                    InvalidOverdraftLimit.class, InvalidOverdraftLimit.CODE);
        }

        @Test
        void acceptsAnOverdraftLimitOfExactlyTheMaximumAmount() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccountCommand(ACCOUNT, OWNER, EUR, new BigDecimal(MAX)))
                    .expectEvents(new AccountOpened(ACCOUNT, OWNER, EUR, eur(MAX)));
        }

        @Test
        void rejectsAnOverdraftLimitAboveTheMaximumAmount() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new OpenAccountCommand(ACCOUNT, OWNER, EUR, new BigDecimal(ABOVE_MAX))),
                    AmountTooLarge.class, AmountTooLarge.CODE);
        }

        @Test
        void rejectsAnOverdraftLimitWithMoreDecimalsThanTheCurrencyAllows() {
            assertRefused(fixture.givenNoPriorActivity()
                            .when(new OpenAccountCommand(ACCOUNT, OWNER, EUR, new BigDecimal("1.005"))),
                    InvalidOverdraftLimit.class, InvalidOverdraftLimit.CODE);
        }
    }

    @Nested
    class Deposit {

        @Test
        void emitsMoneyDepositedWithTheNewBalanceAndAnswersTheVersion() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "10", "10"))
                    .when(deposit("2.5"))
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, eur("2.50"), eur("12.50"), "deposit", null, null)))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void acceptsMoneyOnAFrozenAccount() {
            fixture.given(opened(ACCOUNT), frozen(ACCOUNT))
                    .when(deposit("5"))
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, eur("5"), eur("5"), "deposit", null, null)));
        }

        @Test
        void acceptsExactlyTheMaximumAmount() {
            fixture.given(opened(ACCOUNT))
                    .when(deposit(MAX))
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, eur(MAX), eur(MAX), "deposit", null, null)));
        }

        @Test
        void rejectsAnAmountAboveTheMaximum() {
            assertRefused(fixture.given(opened(ACCOUNT)).when(deposit(ABOVE_MAX)), AmountTooLarge.class,
                    AmountTooLarge.CODE);
        }

        @Test
        void rejectsTheLargestAmountAnInputMayHave() {
            assertRefused(fixture.given(opened(ACCOUNT)).when(deposit("999999999999999")), AmountTooLarge.class,
                    AmountTooLarge.CODE);
        }

        @Test
        void growsTheBalancePastTheMaximumAmountExactly() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, MAX, "100000000000000000000.00"))
                    .when(deposit(MAX))
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, eur(MAX), eur("100000000001000000000.00"), "deposit", null, null)));
        }

        @Test
        void takesTheMaximumOfTheCurrencyWhereItHasOneOfItsOwn() {
            fixture.given(new AccountOpened(ACCOUNT, OWNER, JPY, Money.of("0", "JPY")))
                    .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal(MAX_JPY), JPY, "deposit"))
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, Money.of(MAX_JPY, "JPY"), Money.of(MAX_JPY, "JPY"), "deposit", null, null)));
        }

        @Test
        void rejectsAnAmountAboveTheMaximumOfItsCurrency() {
            assertRefused(fixture.given(new AccountOpened(ACCOUNT, OWNER, JPY, Money.of("0", "JPY")))
                            .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal("100000000001"), JPY, "deposit")),
                    AmountTooLarge.class, AmountTooLarge.CODE);
        }

        @Test
        void rejectsAZeroAmount() {
            assertRefused(fixture.given(opened(ACCOUNT)).when(deposit("0")), InvalidAmount.class, InvalidAmount.CODE);
        }

        @Test
        void rejectsANegativeAmount() {
            assertRefused(fixture.given(opened(ACCOUNT)).when(deposit("-5")), InvalidAmount.class, InvalidAmount.CODE);
        }

        @Test
        void rejectsMoreDecimalsThanTheCurrencyAllows() {
            assertRefused(fixture.given(opened(ACCOUNT)).when(deposit("0.001")), InvalidAmount.class,
                    InvalidAmount.CODE);
        }

        @Test
        void rejectsAnotherCurrency() {
            assertRefused(fixture.given(opened(ACCOUNT))
                            .when(new DepositMoneyCommand(ACCOUNT, BigDecimal.TEN, Currency.getInstance("USD"), "x")),
                    CurrencyMismatch.class, CurrencyMismatch.CODE);
        }

        @Test
        void acceptsADescriptionOfExactlyTheMaximumLength() {
            String longest = "x".repeat(BookingTextRules.MAX_DESCRIPTION_LENGTH);
            fixture.given(opened(ACCOUNT))
                    .when(new DepositMoneyCommand(ACCOUNT, BigDecimal.TEN, EUR, longest))
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, eur("10"), eur("10"), longest, null, null)));
        }

        @Test
        void rejectsADescriptionThatIsTooLong() {
            assertRefused(fixture.given(opened(ACCOUNT))
                            .when(new DepositMoneyCommand(ACCOUNT, BigDecimal.TEN, EUR, "x".repeat(141))),
                    InvalidDescription.class, InvalidDescription.CODE);
        }

        @Test
        void recordsThePayersReferenceTrimmed() {
            fixture.given(opened(ACCOUNT))
                    .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal("7"), EUR, "rent", " INV-7 ", null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, eur("7"), eur("7"), "rent", "INV-7", null)));
        }

        @Test
        void rejectsAReferenceThatIsTooLong() {
            assertRefused(fixture.given(opened(ACCOUNT))
                            .when(new DepositMoneyCommand(ACCOUNT, BigDecimal.TEN, EUR, "rent", "x".repeat(36), null, null)),
                    InvalidReference.class, InvalidReference.CODE);
        }

        @Test
        void recordsThePaymentSystemsReferenceTrimmed() {
            fixture.given(opened(ACCOUNT))
                    .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal("7"), EUR, "rent", null, " PAY-1 ", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, eur("7"), eur("7"), "rent", null, "PAY-1")));
        }

        @Test
        void acceptsAPaymentSystemsReferenceOfSixtyFourCharacters() {
            fixture.given(opened(ACCOUNT))
                    .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal("7"), EUR, "rent", null, "x".repeat(64), null))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, eur("7"), eur("7"), "rent", null, "x".repeat(64))));
        }

        @Test
        void rejectsAPaymentSystemsReferenceThatIsTooLong() {
            assertRefused(fixture.given(opened(ACCOUNT))
                            .when(new DepositMoneyCommand(ACCOUNT, BigDecimal.TEN, EUR, "rent", null, "x".repeat(65), null)),
                    InvalidExternalReference.class, InvalidExternalReference.CODE);
        }

        @Test
        void sealsEveryTextUnderTheOwnersKeyForItsOwnField() {
            fixture.given(opened(ACCOUNT))
                    .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal("7"), EUR, " rent ", " INV-7 ", " PAY-1 ", null))
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, eur("7"), eur("7"), "rent", "INV-7",
                            "PAY-1")));

            assertThat(vault.hasKey(OWNER)).isTrue();
        }

        @Test
        void sealsTextThatOpensNeitherAsAnotherFieldNorForAnotherCustomer() {
            List<Object> payloads = new ArrayList<>();
            fixture.given(opened(ACCOUNT))
                    .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal("7"), EUR, "rent", "INV-7", null, null))
                    .expectEventsMatching(SealedBookings.capturing(payloads));

            MoneyDeposited deposit = (MoneyDeposited) payloads.get(0);
            assertThatThrownBy(() -> vault.open(OWNER, PersonalDataField.REFERENCE, deposit.description()))
                    .isInstanceOf(PersonalDataUnreadable.class);
            vault.seal(ERASED_CUSTOMER, PersonalDataField.NAME, "a key of another customer");
            assertThatThrownBy(() -> vault.open(ERASED_CUSTOMER, PersonalDataField.DESCRIPTION, deposit.description()))
                    .isInstanceOf(PersonalDataUnreadable.class);
        }

        @Test
        void carriesNoTextAndCreatesNoKeyWhenNoneIsGiven() {
            fixture.given(opened(ACCOUNT))
                    .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal("7"), EUR, null, "  ", null, null))
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, eur("7"), eur("7"), null, null, null)));

            assertThat(vault.hasKey(OWNER)).isFalse();
        }

        @Test
        void booksTheMoneyWithoutItsTextOnceTheOwnerIsErasedAndCreatesNoKey() {
            vault.shred(OWNER);

            fixture.given(opened(ACCOUNT))
                    .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal("7"), EUR, "rent", "INV-7", "PAY-1", null))
                    .expectEventsMatching(exactly(vault, new OpenedDeposit(ACCOUNT, OWNER, eur("7"), eur("7"), null, null, null)))
                    .expectResultMessagePayload(1L);

            assertThat(vault.hasKey(OWNER)).isFalse();
        }

        @Test
        void rejectsAClosedAccount() {
            assertRefused(fixture.given(opened(ACCOUNT), closed(ACCOUNT)).when(deposit("5")),
                    AccountIsClosed.class, AccountIsClosed.CODE);
        }
    }

    @Nested
    class Withdraw {

        @Test
        void emitsMoneyWithdrawnWhenFundsSuffice() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"))
                    .when(withdraw("20"))
                    .expectEventsMatching(exactly(vault, new OpenedWithdrawal(ACCOUNT, OWNER, eur("20"), eur("30"), "withdrawal", null)))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void recordsThePaymentSystemsReferenceTrimmed() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"))
                    .when(new WithdrawMoneyCommand(ACCOUNT, new BigDecimal("20"), EUR, "card", " ATM-9 ", null))
                    .expectEventsMatching(exactly(vault, new OpenedWithdrawal(ACCOUNT, OWNER, eur("20"), eur("30"), "card", "ATM-9")));
        }

        @Test
        void sealsEveryTextUnderTheOwnersKeyForItsOwnField() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"))
                    .when(new WithdrawMoneyCommand(ACCOUNT, new BigDecimal("20"), EUR, "card", "ATM-9", null))
                    .expectEventsMatching(exactly(vault, new OpenedWithdrawal(ACCOUNT, OWNER, eur("20"), eur("30"), "card", "ATM-9")));

            assertThat(vault.hasKey(OWNER)).isTrue();
        }

        @Test
        void carriesNoTextAndCreatesNoKeyWhenNoneIsGiven() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"))
                    .when(new WithdrawMoneyCommand(ACCOUNT, new BigDecimal("20"), EUR, null, null, null))
                    .expectEventsMatching(exactly(vault, new OpenedWithdrawal(ACCOUNT, OWNER, eur("20"), eur("30"), null, null)));

            assertThat(vault.hasKey(OWNER)).isFalse();
        }

        @Test
        void booksTheMoneyWithoutItsTextOnceTheOwnerIsErasedAndCreatesNoKey() {
            vault.shred(OWNER);

            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"))
                    .when(new WithdrawMoneyCommand(ACCOUNT, new BigDecimal("20"), EUR, "card", "ATM-9", null))
                    .expectEventsMatching(exactly(vault, new OpenedWithdrawal(ACCOUNT, OWNER, eur("20"), eur("30"), null, null)))
                    .expectResultMessagePayload(2L);

            assertThat(vault.hasKey(OWNER)).isFalse();
        }

        @Test
        void rejectsAPaymentSystemsReferenceThatIsTooLong() {
            assertRefused(fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"))
                            .when(new WithdrawMoneyCommand(ACCOUNT, BigDecimal.TEN, EUR, "card", "x".repeat(65), null)),
                    InvalidExternalReference.class, InvalidExternalReference.CODE);
        }

        @Test
        void goesIntoTheOverdraftUpToItsLimit() {
            fixture.given(opened(ACCOUNT, "100"), deposited(ACCOUNT, "50", "50"))
                    .when(withdraw("150"))
                    .expectEventsMatching(exactly(vault, new OpenedWithdrawal(ACCOUNT, OWNER, eur("150"), eur("-100"), "withdrawal", null)));
        }

        @Test
        void rejectsWithdrawalBeyondOverdraftLimit() {
            assertRefused(fixture.given(opened(ACCOUNT, "100"), deposited(ACCOUNT, "50", "50")).when(withdraw("150.01")),
                    InsufficientFunds.class, InsufficientFunds.CODE);
        }

        @Test
        void rejectsWithdrawalBeyondTheBalanceWithoutOverdraft() {
            assertRefused(fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "10", "10")).when(withdraw("10.01")),
                    InsufficientFunds.class, InsufficientFunds.CODE);
        }

        @Test
        void acceptsExactlyTheMaximumAmount() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, MAX, "5000000000.00"))
                    .when(withdraw(MAX))
                    .expectEventsMatching(exactly(vault, new OpenedWithdrawal(ACCOUNT, OWNER, eur(MAX), eur("4000000000.00"), "withdrawal", null)));
        }

        @Test
        void rejectsAnAmountAboveTheMaximumEvenWhenFundsSuffice() {
            assertRefused(fixture.given(opened(ACCOUNT), deposited(ACCOUNT, MAX, "5000000000.00"))
                    .when(withdraw(ABOVE_MAX)), AmountTooLarge.class, AmountTooLarge.CODE);
        }

        @Test
        void rejectsAZeroAmount() {
            assertRefused(fixture.given(opened(ACCOUNT, "100")).when(withdraw("0")), InvalidAmount.class,
                    InvalidAmount.CODE);
        }

        @Test
        void rejectsMoreDecimalsThanTheCurrencyAllows() {
            assertRefused(fixture.given(opened(ACCOUNT, "100")).when(withdraw("1.001")), InvalidAmount.class,
                    InvalidAmount.CODE);
        }

        @Test
        void rejectsAnotherCurrency() {
            assertRefused(fixture.given(opened(ACCOUNT, "100"))
                            .when(new WithdrawMoneyCommand(ACCOUNT, BigDecimal.ONE, Currency.getInstance("GBP"), "x")),
                    CurrencyMismatch.class, CurrencyMismatch.CODE);
        }

        @Test
        void rejectsAFrozenAccount() {
            assertRefused(fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"), frozen(ACCOUNT))
                    .when(withdraw("5")), AccountIsFrozen.class, AccountIsFrozen.CODE);
        }

        @Test
        void rejectsAClosedAccount() {
            assertRefused(fixture.given(opened(ACCOUNT, "100"), closed(ACCOUNT)).when(withdraw("5")),
                    AccountIsClosed.class, AccountIsClosed.CODE);
        }
    }

    @Nested
    class FreezeAndUnfreeze {

        @Test
        void freezesAnOpenAccount() {
            fixture.given(opened(ACCOUNT)).when(new FreezeAccountCommand(ACCOUNT))
                    .expectEvents(new AccountFrozen(ACCOUNT)).expectResultMessagePayload(1L);
        }

        @Test
        void emitsNothingWhenFreezingAFrozenAccount() {
            fixture.given(opened(ACCOUNT), frozen(ACCOUNT)).when(new FreezeAccountCommand(ACCOUNT))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(1L);
        }

        @Test
        void unfreezesAFrozenAccountAndAnswersTheVersion() {
            fixture.given(opened(ACCOUNT), frozen(ACCOUNT)).when(new UnfreezeAccountCommand(ACCOUNT))
                    .expectEvents(new AccountUnfrozen(ACCOUNT)).expectResultMessagePayload(2L);
        }

        @Test
        void emitsNothingWhenUnfreezingAnOpenAccount() {
            fixture.given(opened(ACCOUNT)).when(new UnfreezeAccountCommand(ACCOUNT))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void rejectsFreezingAClosedAccount() {
            assertRefused(fixture.given(opened(ACCOUNT), closed(ACCOUNT)).when(new FreezeAccountCommand(ACCOUNT)),
                    AccountIsClosed.class, AccountIsClosed.CODE);
        }

        @Test
        void rejectsUnfreezingAClosedAccount() {
            assertRefused(fixture.given(opened(ACCOUNT), frozen(ACCOUNT), closed(ACCOUNT))
                    .when(new UnfreezeAccountCommand(ACCOUNT)), AccountIsClosed.class, AccountIsClosed.CODE);
        }
    }

    @Nested
    class ChangeOverdraftLimit {

        @Test
        void emitsTheNewLimitAndAnswersTheVersion() {
            fixture.given(opened(ACCOUNT)).when(new ChangeOverdraftLimitCommand(ACCOUNT, new BigDecimal("250")))
                    .expectEvents(overdraftLimitChanged(ACCOUNT, "250")).expectResultMessagePayload(1L);
        }

        @Test
        void lowersTheLimitDownToWhatIsOverdrawn() {
            fixture.given(opened(ACCOUNT, "100"), withdrawn(ACCOUNT, "40", "-40"))
                    .when(new ChangeOverdraftLimitCommand(ACCOUNT, new BigDecimal("40")))
                    .expectEvents(overdraftLimitChanged(ACCOUNT, "40"));
        }

        @Test
        void emitsNothingWhenTheLimitIsUnchanged() {
            fixture.given(opened(ACCOUNT, "100")).when(new ChangeOverdraftLimitCommand(ACCOUNT, new BigDecimal("100.00")))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void acceptsALimitOfExactlyTheMaximumAmount() {
            fixture.given(opened(ACCOUNT)).when(new ChangeOverdraftLimitCommand(ACCOUNT, new BigDecimal(MAX)))
                    .expectEvents(overdraftLimitChanged(ACCOUNT, MAX));
        }

        @Test
        void rejectsALimitAboveTheMaximumAmount() {
            assertRefused(fixture.given(opened(ACCOUNT))
                            .when(new ChangeOverdraftLimitCommand(ACCOUNT, new BigDecimal(ABOVE_MAX))),
                    AmountTooLarge.class, AmountTooLarge.CODE);
        }

        @Test
        void rejectsANegativeLimit() {
            assertRefused(fixture.given(opened(ACCOUNT)).when(new ChangeOverdraftLimitCommand(ACCOUNT, new BigDecimal("-1"))),
                    InvalidOverdraftLimit.class, InvalidOverdraftLimit.CODE);
        }

        @Test
        void rejectsALimitBelowWhatIsOverdrawn() {
            assertRefused(fixture.given(opened(ACCOUNT, "100"), withdrawn(ACCOUNT, "40", "-40"))
                            .when(new ChangeOverdraftLimitCommand(ACCOUNT, new BigDecimal("39.99"))),
                    InvalidOverdraftLimit.class, InvalidOverdraftLimit.CODE);
        }

        @Test
        void rejectsAClosedAccount() {
            assertRefused(fixture.given(opened(ACCOUNT), closed(ACCOUNT))
                            .when(new ChangeOverdraftLimitCommand(ACCOUNT, BigDecimal.TEN)),
                    AccountIsClosed.class, AccountIsClosed.CODE);
        }
    }

    @Nested
    class Close {

        @Test
        void closesAnAccountWithAZeroBalance() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "10", "10"), withdrawn(ACCOUNT, "10", "0"))
                    .when(new CloseAccountCommand(ACCOUNT))
                    .expectEvents(new AccountClosed(ACCOUNT)).expectResultMessagePayload(3L);
        }

        @Test
        void rejectsAPositiveBalance() {
            assertRefused(fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "10", "10"))
                    .when(new CloseAccountCommand(ACCOUNT)), BalanceNotZero.class, BalanceNotZero.CODE);
        }

        @Test
        void rejectsANegativeBalance() {
            assertRefused(fixture.given(opened(ACCOUNT, "50"), withdrawn(ACCOUNT, "10", "-10"))
                    .when(new CloseAccountCommand(ACCOUNT)), BalanceNotZero.class, BalanceNotZero.CODE);
        }

        @Test
        void rejectsATransferInFlight() {
            assertRefused(fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "10", "10"),
                            debitedForTransfer(ACCOUNT, TRANSFER, "10", "0"))
                    .when(new CloseAccountCommand(ACCOUNT)), TransferInFlight.class, TransferInFlight.CODE);
        }

        @Test
        void closesOnceTheTransferIsSettled() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "10", "10"),
                            debitedForTransfer(ACCOUNT, TRANSFER, "10", "0"), debitSettled(ACCOUNT, TRANSFER))
                    .when(new CloseAccountCommand(ACCOUNT))
                    .expectEvents(new AccountClosed(ACCOUNT));
        }

        @Test
        void rejectsClosingTwice() {
            assertRefused(fixture.given(opened(ACCOUNT), closed(ACCOUNT)).when(new CloseAccountCommand(ACCOUNT)),
                    AccountIsClosed.class, AccountIsClosed.CODE);
        }
    }

    @Nested
    class DebitForTransfer {

        @Test
        void emitsTheDebitWithTheNewBalanceAndAnswersTheVersion() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"))
                    .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectEvents(debitedForTransfer(ACCOUNT, TRANSFER, "30", "20"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void debitsATransferOnceAndAnswersTheVersionItHasSince() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"), debitedForTransfer(ACCOUNT, TRANSFER, "30", "20"))
                    .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(2L);
        }

        @Test
        void debitsATransferOnceEvenAfterItSettled() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"), debitedForTransfer(ACCOUNT, TRANSFER, "30", "20"),
                            debitSettled(ACCOUNT, TRANSFER))
                    .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void rejectsADebitBeyondTheOverdraftLimit() {
            assertRefused(fixture.given(opened(ACCOUNT, "10"), deposited(ACCOUNT, "50", "50"))
                            .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("60.01"))),
                    InsufficientFunds.class, InsufficientFunds.CODE);
        }

        @Test
        void rejectsAFrozenSource() {
            assertRefused(fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"), frozen(ACCOUNT))
                            .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("1"))),
                    AccountIsFrozen.class, AccountIsFrozen.CODE);
        }

        @Test
        void rejectsAClosedSource() {
            assertRefused(fixture.given(opened(ACCOUNT), closed(ACCOUNT))
                            .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("1"))),
                    AccountIsClosed.class, AccountIsClosed.CODE);
        }

        @Test
        void rejectsAnotherCurrency() {
            assertRefused(fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"))
                            .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, Money.of("1", "USD"))),
                    CurrencyMismatch.class, CurrencyMismatch.CODE);
        }
    }

    @Nested
    class CreditForTransfer {

        @Test
        void emitsTheCreditWithTheNewBalanceAndAnswersTheVersion() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "5", "5"))
                    .when(new CreditAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectEvents(creditedForTransfer(ACCOUNT, TRANSFER, "30", "35"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void creditsATransferOnceAndAnswersTheVersionItHasSince() {
            fixture.given(opened(ACCOUNT), creditedForTransfer(ACCOUNT, TRANSFER, "30", "30"))
                    .when(new CreditAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(1L);
        }

        @Test
        void acceptsACreditOnAFrozenAccount() {
            fixture.given(opened(ACCOUNT), frozen(ACCOUNT))
                    .when(new CreditAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectEvents(creditedForTransfer(ACCOUNT, TRANSFER, "30", "30"));
        }

        @Test
        void rejectsAClosedDestination() {
            assertRefused(fixture.given(opened(ACCOUNT), closed(ACCOUNT))
                            .when(new CreditAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30"))),
                    AccountIsClosed.class, AccountIsClosed.CODE);
        }

        @Test
        void rejectsAnotherCurrency() {
            assertRefused(fixture.given(opened(ACCOUNT))
                            .when(new CreditAccountForTransferCommand(ACCOUNT, TRANSFER, Money.of("1", "CHF"))),
                    CurrencyMismatch.class, CurrencyMismatch.CODE);
        }
    }

    @Nested
    class ReverseAndSettleTransferDebit {

        @Test
        void givesTheDebitBackAndAnswersTheVersion() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"), debitedForTransfer(ACCOUNT, TRANSFER, "30", "20"))
                    .when(new ReverseTransferDebitCommand(ACCOUNT, TRANSFER, "ACCOUNT_CLOSED"))
                    .expectEvents(debitReversed(ACCOUNT, TRANSFER, "30", "50", "ACCOUNT_CLOSED"))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void givesTheDebitBackEvenWhenTheSourceWasFrozenMeanwhile() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"),
                            debitedForTransfer(ACCOUNT, TRANSFER, "30", "20"), frozen(ACCOUNT))
                    .when(new ReverseTransferDebitCommand(ACCOUNT, TRANSFER, "X"))
                    .expectEvents(debitReversed(ACCOUNT, TRANSFER, "30", "50", "X"));
        }

        @Test
        void rejectsReversingADebitThatIsNotInFlight() {
            assertRefused(fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"),
                            debitedForTransfer(ACCOUNT, TRANSFER, "30", "20"), debitSettled(ACCOUNT, TRANSFER))
                            .when(new ReverseTransferDebitCommand(ACCOUNT, TRANSFER, "X")),
                    UnknownTransferDebit.class, UnknownTransferDebit.CODE);
        }

        @Test
        void rejectsReversingTwice() {
            assertRefused(fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"),
                            debitedForTransfer(ACCOUNT, TRANSFER, "30", "20"),
                            debitReversed(ACCOUNT, TRANSFER, "30", "50", "X"))
                            .when(new ReverseTransferDebitCommand(ACCOUNT, TRANSFER, "X")),
                    UnknownTransferDebit.class, UnknownTransferDebit.CODE);
        }

        @Test
        void settlesADebitInFlightAndAnswersTheVersion() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"), debitedForTransfer(ACCOUNT, TRANSFER, "30", "20"))
                    .when(new SettleTransferDebitCommand(ACCOUNT, TRANSFER))
                    .expectEvents(debitSettled(ACCOUNT, TRANSFER))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void rejectsSettlingAnUnknownDebit() {
            assertRefused(fixture.given(opened(ACCOUNT)).when(new SettleTransferDebitCommand(ACCOUNT, TRANSFER)),
                    UnknownTransferDebit.class, UnknownTransferDebit.CODE);
        }
    }

    @Nested
    class RepeatedTransferSteps {

        private final Instant start = Instant.parse("2026-12-01T10:00:00Z");
        private final Instant withinTheWindow = start.plus(Account.FINISHED_TRANSFERS_KEPT_FOR).minusSeconds(1);
        private final Instant pastTheWindow = start.plus(Account.FINISHED_TRANSFERS_KEPT_FOR).plusSeconds(1);
        private final TransferId later = TransferId.of("tr-later");

        @Test
        void ignoresADebitRepeatedAfterItWasReversed() {
            fixture.given(opened(ACCOUNT), deposited(ACCOUNT, "50", "50"), debitedForTransfer(ACCOUNT, TRANSFER, "30", "20"),
                            debitReversed(ACCOUNT, TRANSFER, "30", "50", "ACCOUNT_CLOSED"))
                    .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void ignoresADebitRepeatedWithinTheWindowAfterItSettledWhileOtherTransfersWentOn() {
            fixture.givenCurrentTime(start)
                    .andGiven(opened(ACCOUNT), deposited(ACCOUNT, "100", "100"),
                            debitedForTransfer(ACCOUNT, TRANSFER, "30", "70"), debitSettled(ACCOUNT, TRANSFER))
                    .andGivenCurrentTime(withinTheWindow)
                    .andGiven(debitedForTransfer(ACCOUNT, later, "10", "60"), debitSettled(ACCOUNT, later),
                            creditedForTransfer(ACCOUNT, TransferId.of("tr-in"), "5", "65"))
                    .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void ignoresADebitRepeatedWithinTheWindowAfterItWasReversedWhileOtherTransfersWentOn() {
            fixture.givenCurrentTime(start)
                    .andGiven(opened(ACCOUNT), deposited(ACCOUNT, "100", "100"),
                            debitedForTransfer(ACCOUNT, TRANSFER, "30", "70"), debitReversed(ACCOUNT, TRANSFER, "30", "100", "X"))
                    .andGivenCurrentTime(withinTheWindow)
                    .andGiven(debitedForTransfer(ACCOUNT, later, "10", "90"), debitSettled(ACCOUNT, later))
                    .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void ignoresACreditRepeatedWithinTheWindowWhileOtherTransfersWentOn() {
            fixture.givenCurrentTime(start)
                    .andGiven(opened(ACCOUNT), creditedForTransfer(ACCOUNT, TRANSFER, "30", "30"))
                    .andGivenCurrentTime(withinTheWindow)
                    .andGiven(creditedForTransfer(ACCOUNT, later, "5", "35"),
                            debitedForTransfer(ACCOUNT, TransferId.of("tr-out"), "1", "34"))
                    .when(new CreditAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void ignoresADebitRepeatedWhileItIsInFlightHoweverLongAgoItWasDebited() {
            fixture.givenCurrentTime(start)
                    .andGiven(opened(ACCOUNT), deposited(ACCOUNT, "100", "100"), debitedForTransfer(ACCOUNT, TRANSFER, "30", "70"))
                    .andGivenCurrentTime(pastTheWindow.plus(Duration.ofDays(1)))
                    .andGiven(debitedForTransfer(ACCOUNT, later, "10", "60"), debitSettled(ACCOUNT, later))
                    .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void givesBackADebitInFlightHoweverLongAgoItWasDebited() {
            fixture.givenCurrentTime(start)
                    .andGiven(opened(ACCOUNT), deposited(ACCOUNT, "100", "100"), debitedForTransfer(ACCOUNT, TRANSFER, "30", "70"))
                    .andGivenCurrentTime(pastTheWindow.plus(Duration.ofDays(1)))
                    .andGiven(debitedForTransfer(ACCOUNT, later, "10", "60"), debitSettled(ACCOUNT, later))
                    .when(new ReverseTransferDebitCommand(ACCOUNT, TRANSFER, "X"))
                    .expectEvents(debitReversed(ACCOUNT, TRANSFER, "30", "90", "X"));
        }

        @Test
        void forgetsDebitsFinishedBeforeTheWindowOfANewCredit() {
            fixture.givenCurrentTime(start)
                    .andGiven(opened(ACCOUNT), deposited(ACCOUNT, "100", "100"),
                            debitedForTransfer(ACCOUNT, TRANSFER, "30", "70"), debitSettled(ACCOUNT, TRANSFER))
                    .andGivenCurrentTime(pastTheWindow)
                    .when(new CreditAccountForTransferCommand(ACCOUNT, later, eur("5")))
                    .expectEvents(creditedForTransfer(ACCOUNT, later, "5", "75"))
                    .expectState(account -> {
                        assertThat(account).extracting("debitsFinished.finishedAt", as(InstanceOfAssertFactories.MAP))
                                .isEmpty();
                        assertThat(account).extracting("creditsReceived.finishedAt", as(InstanceOfAssertFactories.MAP))
                                .containsOnlyKeys(later.value());
                    });
        }

        @Test
        void forgetsDebitsFinishedBeforeTheWindowOfANewSettlement() {
            fixture.givenCurrentTime(start)
                    .andGiven(opened(ACCOUNT), deposited(ACCOUNT, "100", "100"),
                            debitedForTransfer(ACCOUNT, TRANSFER, "30", "70"), debitSettled(ACCOUNT, TRANSFER),
                            debitedForTransfer(ACCOUNT, later, "10", "60"))
                    .andGivenCurrentTime(pastTheWindow)
                    .when(new SettleTransferDebitCommand(ACCOUNT, later))
                    .expectEvents(debitSettled(ACCOUNT, later))
                    .expectState(account -> assertThat(account)
                            .extracting("debitsFinished.finishedAt", as(InstanceOfAssertFactories.MAP))
                            .containsOnlyKeys(later.value()));
        }

        @Test
        void forgetsCreditsReceivedBeforeTheWindowOfADebitGivenBack() {
            fixture.givenCurrentTime(start)
                    .andGiven(opened(ACCOUNT), creditedForTransfer(ACCOUNT, TRANSFER, "100", "100"),
                            debitedForTransfer(ACCOUNT, later, "10", "90"))
                    .andGivenCurrentTime(pastTheWindow)
                    .when(new ReverseTransferDebitCommand(ACCOUNT, later, "X"))
                    .expectEvents(debitReversed(ACCOUNT, later, "10", "100", "X"))
                    .expectState(account -> {
                        assertThat(account).extracting("creditsReceived.finishedAt", as(InstanceOfAssertFactories.MAP))
                                .isEmpty();
                        assertThat(account).extracting("debitsFinished.finishedAt", as(InstanceOfAssertFactories.MAP))
                                .containsOnlyKeys(later.value());
                    });
        }

        @Test
        void ignoresADebitRepeatedThatASnapshotFromBeforeTheWindowsKept() throws Exception {
            fixture.given(snapshotFromBeforeTheWindows(TRANSFER, later))
                    .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void ignoresACreditRepeatedThatASnapshotFromBeforeTheWindowsKept() throws Exception {
            fixture.given(snapshotFromBeforeTheWindows(TRANSFER, later))
                    .when(new CreditAccountForTransferCommand(ACCOUNT, later, eur("30")))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void remembersTheTransfersOfASnapshotFromBeforeTheWindowsForTheWindowOfTheNextTransferEvent() throws Exception {
            TransferId next = TransferId.of("tr-next");
            fixture.givenCurrentTime(start)
                    .andGiven(snapshotFromBeforeTheWindows(TRANSFER, later))
                    .andGiven(creditedForTransfer(ACCOUNT, next, "1", "101"))
                    .andGivenCurrentTime(withinTheWindow)
                    .when(new DebitAccountForTransferCommand(ACCOUNT, TRANSFER, eur("30")))
                    .expectSuccessfulHandlerExecution().expectNoEvents()
                    .expectState(account -> assertThat(account)
                            .extracting("debitsFinished.finishedAt", as(InstanceOfAssertFactories.MAP))
                            .containsEntry(TRANSFER.value(), start));
        }

        /**
         * An account at version 3 with 100.00 EUR, as snapshots held it when an account kept every transfer it
         * was ever debited or credited for, without times.
         */
        private GenericDomainEventMessage<Account> snapshotFromBeforeTheWindows(TransferId debited, TransferId credited)
                throws Exception {
            String json = """
                    {"accountId": "%s", "owner": "%s", "currency": "EUR",
                     "balance": {"amount": "100.00", "currency": "EUR"},
                     "overdraftLimit": {"amount": "0.00", "currency": "EUR"}, "status": "OPEN",
                     "transfersInFlight": {}, "transfersDebited": ["%s"], "transfersCredited": ["%s"], "version": 3}
                    """.formatted(ACCOUNT.value(), OWNER.value(), debited.value(), credited.value());
            Account snapshot = new ObjectMapper().findAndRegisterModules().readValue(json, Account.class);
            return new GenericDomainEventMessage<>("Account", ACCOUNT.value(), 3, snapshot);
        }

        @Test
        void keepsOnlyTheTransfersFinishedWithinTheWindowOfItsNewestTransferEvent() {
            int longAgo = 200;
            List<Object> history = new ArrayList<>(List.of(opened(ACCOUNT, "100000")));
            for (int i = 0; i < longAgo; i++) {
                TransferId out = TransferId.of("tr-out-" + i);
                history.add(debitedForTransfer(ACCOUNT, out, "1", "-" + (i + 1)));
                history.add(debitSettled(ACCOUNT, out));
                history.add(creditedForTransfer(ACCOUNT, TransferId.of("tr-in-" + i), "1", "-" + i));
            }
            Instant recently = pastTheWindow.minusSeconds(30);

            fixture.givenCurrentTime(start)
                    .andGiven(history)
                    .andGivenCurrentTime(recently)
                    .andGiven(debitedForTransfer(ACCOUNT, later, "1", "-1"), debitSettled(ACCOUNT, later),
                            creditedForTransfer(ACCOUNT, TransferId.of("tr-in-later"), "1", "0"))
                    .andGivenCurrentTime(pastTheWindow)
                    .when(new DebitAccountForTransferCommand(ACCOUNT, TransferId.of("tr-next"), eur("1")))
                    .expectEvents(debitedForTransfer(ACCOUNT, TransferId.of("tr-next"), "1", "-1"))
                    .expectState(account -> {
                        assertThat(account).extracting("debitsFinished.finishedAt", as(InstanceOfAssertFactories.MAP))
                                .containsOnlyKeys(later.value());
                        assertThat(account).extracting("creditsReceived.finishedAt", as(InstanceOfAssertFactories.MAP))
                                .containsOnlyKeys("tr-in-later");
                        assertThat(account).extracting("transfersInFlight", as(InstanceOfAssertFactories.MAP))
                                .containsOnlyKeys("tr-next");
                    });
        }
    }
}
