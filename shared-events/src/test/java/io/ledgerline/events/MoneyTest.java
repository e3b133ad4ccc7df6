package io.ledgerline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void holdsTheCurrencysMinorUnitsAsScale() {
        assertThat(Money.of("12.5", "EUR").amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.of("7", "JPY").amount()).isEqualTo(new BigDecimal("7"));
        assertThat(Money.zero(Currency.getInstance("GBP")).amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyAllows() {
        assertThatThrownBy(() -> Money.of("1.001", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesTheAmountAsADecimalString() throws Exception {
        assertThat(json.writeValueAsString(Money.of("12.5", "EUR")))
                .isEqualTo("{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
        assertThat(json.writeValueAsString(Money.of("1000000", "USD")))
                .isEqualTo("{\"amount\":\"1000000.00\",\"currency\":\"USD\"}");
    }

    @Test
    void readsDecimalStringsAndJsonNumbersWithoutLosingPrecision() throws Exception {
        assertThat(json.readValue("{\"amount\":\"0.10\",\"currency\":\"EUR\"}", Money.class))
                .isEqualTo(Money.of("0.10", "EUR"));
        assertThat(json.readValue("{\"amount\":12345678901234567.89,\"currency\":\"EUR\"}", Money.class))
                .isEqualTo(Money.of("12345678901234567.89", "EUR"));
    }

    @Test
    void addsAndSubtractsOnlyInTheSameCurrency() {
        assertThat(Money.of("10.00", "EUR").minus(Money.of("12.50", "EUR"))).isEqualTo(Money.of("-2.50", "EUR"));
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
