package io.ledgerline.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class KnownCurrenciesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency GBP = Currency.getInstance("GBP");

    @Test
    void answersWhatItRemembered() {
        KnownCurrencies known = new KnownCurrencies(10);
        known.remember("acc-1", EUR);

        assertThat(known.of("acc-1")).contains(EUR);
        assertThat(known.of("acc-2")).isEmpty();
    }

    @Test
    void forgetsTheLeastRecentlyUsedAccountBeyondItsCapacity() {
        KnownCurrencies known = new KnownCurrencies(2);
        known.remember("acc-1", EUR);
        known.remember("acc-2", GBP);
        known.of("acc-1");

        known.remember("acc-3", EUR);

        assertThat(known.of("acc-1")).contains(EUR);
        assertThat(known.of("acc-2")).isEmpty();
        assertThat(known.of("acc-3")).contains(EUR);
    }
}
