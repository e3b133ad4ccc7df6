package io.ledgerline.peer.account;

import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final String ACCOUNT = "acc-1";

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    @Nested
    class Open {

        @Test
        void emitsAccountOpenedInItsCurrency() {
            fixture.givenNoPriorActivity()
                    .when(new OpenAccountCommand(ACCOUNT, "EUR"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountOpened(ACCOUNT, "EUR"));
        }
    }

    @Nested
    class Deposit {

        @Test
        void emitsMoneyDepositedInTheAccountsCurrencyForAPositiveAmount() {
            fixture.given(new AccountOpened(ACCOUNT, "EUR"))
                    .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal("0.01")))
                    .expectEvents(new MoneyDeposited(ACCOUNT, new BigDecimal("0.01"), "EUR"));
        }

        @Test
        void refusesAZeroAmountWithoutEvents() {
            fixture.given(new AccountOpened(ACCOUNT, "EUR"))
                    .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal("0.00")))
                    .expectNoEvents()
                    .expectException(NonPositiveAmount.class);
        }

        @Test
        void refusesANegativeAmountWithoutEvents() {
            fixture.given(new AccountOpened(ACCOUNT, "EUR"), new MoneyDeposited(ACCOUNT, BigDecimal.TEN, "EUR"))
                    .when(new DepositMoneyCommand(ACCOUNT, new BigDecimal("-5.00")))
                    .expectNoEvents()
                    .expectException(NonPositiveAmount.class);
        }
    }
}
