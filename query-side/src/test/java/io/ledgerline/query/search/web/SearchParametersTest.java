package io.ledgerline.query.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

    @Test
    void readsPlainDecimalAmountsAndIgnoresBlankOnes() {
        assertThat(SearchParameters.amount("minAmount", " 12.50 ")).contains(new BigDecimal("12.50"));
        assertThat(SearchParameters.amount("minAmount", "7")).contains(new BigDecimal("7"));
        assertThat(SearchParameters.amount("minAmount", " ")).isEmpty();
        assertThat(SearchParameters.amount("minAmount", null)).isEmpty();
    }

    @Test
    void refusesAmountsThatAreNotPlainDecimals() {
        for (String amount : new String[] {"ten", "1e400", "12,50", "NaN", "1.", "9".repeat(41)}) {
            assertThatThrownBy(() -> SearchParameters.amount("minAmount", amount))
                    .as(amount).isInstanceOf(InvalidSearchRequest.class).hasMessageContaining("minAmount");
        }
    }

    @Test
    void readsEveryAmountTheLedgerCanHoldAtItsFullLength() {
        assertThat(SearchParameters.amount("minAmount", "999999999999999.9999999999"))
                .contains(new BigDecimal("999999999999999.9999999999"));
        assertThat(SearchParameters.amount("minAmount", "000000000000000000001.50")).contains(new BigDecimal("1.50"));
        assertThat(SearchParameters.amount("maxAmount", "100.00000000000000")).contains(new BigDecimal("100.00000000000000"));
    }

    @Test
    void refusesAmountsBeyondWhatAnyAmountCanBe() {
        for (String amount : new String[] {"99999999999999999999", "1000000000000000", "0.00000000001",
                "-1000000000000000"}) {
            assertThatThrownBy(() -> SearchParameters.amount("minAmount", amount))
                    .as(amount).isInstanceOf(InvalidSearchRequest.class).hasMessageContaining("15 integer digits");
        }
    }

    @Test
    void refusesInstantsOutsideTheYearsOneTo9999() {
        assertThat(SearchParameters.instant("to", "9999-12-31T23:59:59Z")).contains(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(SearchParameters.instant("from", "0001-01-01T00:00:00Z")).contains(Instant.parse("0001-01-01T00:00:00Z"));
        for (String instant : new String[] {"+10000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
                "-0001-12-31T23:59:59Z", "0000-12-31T23:59:59Z"}) {
            assertThatThrownBy(() -> SearchParameters.instant("from", instant))
                    .as(instant).isInstanceOf(ApiException.class).hasMessageContaining("from must lie between")
                    .matches(e -> ((ApiException) e).code().equals(ErrorCodes.INVALID_REQUEST));
        }
    }

    @Test
    void readsIsoInstantsOnly() {
        assertThat(SearchParameters.instant("from", "2026-03-01T00:00:00Z"))
                .contains(Instant.parse("2026-03-01T00:00:00Z"));
        assertThatThrownBy(() -> SearchParameters.instant("from", "2026-03-01")).isInstanceOf(InvalidSearchRequest.class);
    }

    @Test
    void refusesReversedRanges() {
        assertThatThrownBy(() -> SearchParameters.requireOrdered("from", Optional.of(2), "to", Optional.of(1)))
                .isInstanceOf(InvalidSearchRequest.class);
        SearchParameters.requireOrdered("from", Optional.of(1), "to", Optional.of(1));
        SearchParameters.requireOrdered("from", Optional.empty(), "to", Optional.of(1));
    }

    @Test
    void refusesPagesBeyondTheResultWindow() {
        assertThat(SearchParameters.offset(99, 100)).isEqualTo(9_900);
        assertThatThrownBy(() -> SearchParameters.offset(100, 100)).isInstanceOf(InvalidSearchRequest.class);
        assertThatThrownBy(() -> SearchParameters.offset(Integer.MAX_VALUE, 100)).isInstanceOf(InvalidSearchRequest.class);
    }
}
