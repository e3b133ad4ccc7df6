package io.ledgerline.query.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.query.reconciliation.ReconciliationReport.Problem;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JudgementTest {

    private static AccountBalance account(long version, String balance) {
        return new AccountBalance("acc-1", "EUR", version, new BigDecimal(balance));
    }

    @Test
    void aReadModelAtTheStoresVersionWithItsBalanceAgreesAndAddsItsBalance() {
        Judgement judged = Judgement.of(account(3, "10.00"), account(3, "10.0"), account(3, "10.00"));

        assertThat(judged.agrees()).isTrue();
        assertThat(judged.contribution()).isEqualByComparingTo("10.00");
    }

    @Test
    void anotherBalanceAtTheSameVersionIsABalanceMismatchAndShowsInTheSum() {
        Judgement judged = Judgement.of(account(3, "10.00"), account(3, "10.01"), account(3, "10.00"));

        assertThat(judged.account().problem()).isEqualTo(Problem.BALANCE.name());
        assertThat(judged.contribution()).isEqualByComparingTo("10.01");
    }

    @Test
    void aReadModelPastThePositionIsComparedAtItsVersionAndCountsAtThePosition() {
        Judgement judged = Judgement.of(account(3, "10.00"), account(5, "25.00"), account(5, "25.00"));

        assertThat(judged.agrees()).isTrue();
        assertThat(judged.contribution()).isEqualByComparingTo("10.00");
        assertThat(judged.account().storeBalanceAtVersion()).isEqualTo("25.00");
    }

    @Test
    void aReadModelStillBehindThePositionIsLagging() {
        Judgement judged = Judgement.of(account(5, "25.00"), account(3, "10.00"), account(3, "10.00"));

        assertThat(judged.account().problem()).isEqualTo(Problem.LAGGING.name());
        assertThat(judged.contribution()).isEqualByComparingTo("25.00");
    }

    @Test
    void aVersionTheStoreDoesNotHoldIsNotInStore() {
        Judgement judged = Judgement.of(null, account(0, "0.00"), null);

        assertThat(judged.account().problem()).isEqualTo(Problem.NOT_IN_STORE.name());
    }

    @Test
    void anAccountTheReadModelLacksIsMissing() {
        Judgement judged = Judgement.of(account(2, "5.00"), null, null);

        assertThat(judged.account().problem()).isEqualTo(Problem.MISSING.name());
        assertThat(judged.contribution()).isEqualByComparingTo("0");
    }

    @Test
    void anotherCurrencyIsACurrencyMismatch() {
        Judgement judged = Judgement.of(account(1, "5.00"),
                new AccountBalance("acc-1", "CHF", 1, new BigDecimal("5.00")), account(1, "5.00"));

        assertThat(judged.account().problem()).isEqualTo(Problem.CURRENCY.name());
    }
}
