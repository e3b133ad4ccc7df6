package io.ledgerline.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.stream.IntStream;
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

    @Test
    void staysWithinItsCapacityWhenSpreadOverStripes() {
        KnownCurrencies known = new KnownCurrencies(1_000);
        for (int i = 0; i < 50_000; i++) {
            known.remember("acc-" + i, EUR);
        }

        long remembered = IntStream.range(0, 50_000).filter(i -> known.of("acc-" + i).isPresent()).count();

        assertThat(remembered).isBetween(900L, 1_000L);
        assertThat(known.of("acc-49999")).contains(EUR);
    }

    @Test
    void keepsExactlyItsCapacityWhenItDoesNotShareEvenlyOverTheStripes() {
        KnownCurrencies known = new KnownCurrencies(129);
        for (int i = 0; i < 10_000; i++) {
            known.remember("acc-" + i, EUR);
        }

        long remembered = IntStream.range(0, 10_000).filter(i -> known.of("acc-" + i).isPresent()).count();

        assertThat(remembered).isEqualTo(129);
    }
}
