package io.ledgerline.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.support.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ConcurrencyQuotaTest {

    private final ConcurrencyQuota quota = new ConcurrencyQuota(2, 3, "TOO_MANY_WAITS", "waits");

    @Test
    void refusesASubjectBeyondItsShareWithTooManyRequests() {
        quota.acquire("ada");
        quota.acquire("ada");

        assertThatThrownBy(() -> quota.acquire("ada")).isInstanceOfSatisfying(ApiException.class, refused -> {
            assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(refused.code()).isEqualTo("TOO_MANY_WAITS");
            assertThat(refused.retryAfter()).as("a client is told when to try again").isPresent();
        });
        assertThat(quota.held()).as("the refused one holds nothing").isEqualTo(2);
    }

    @Test
    void refusesEveryoneBeyondTheNodesBoundWithServiceUnavailable() {
        quota.acquire("ada");
        quota.acquire("ada");
        quota.acquire("grace");

        assertThatThrownBy(() -> quota.acquire("linus")).isInstanceOfSatisfying(ApiException.class, refused -> {
            assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.code()).isEqualTo("TOO_MANY_WAITS");
            assertThat(refused.retryAfter()).isPresent();
        });
        assertThat(quota.held()).isEqualTo(3);
    }

    @Test
    void aReleasedPermitMakesRoomAgainOnceOnly() {
        ConcurrencyQuota.Permit first = quota.acquire("ada");
        quota.acquire("ada");

        first.release();
        first.release();

        quota.acquire("ada");
        assertThatThrownBy(() -> quota.acquire("ada")).isInstanceOf(ApiException.class);
    }

    @Test
    void forgetsASubjectThatHoldsNothing() {
        quota.acquire("ada").release();

        assertThat(quota.subjects()).isZero();
        assertThat(quota.held()).isZero();
    }
}
