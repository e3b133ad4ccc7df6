package io.ledgerline.query.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.localstack.InfrastructureEndpoints;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import io.ledgerline.support.web.ErrorCodes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A reconciliation login that finds no event table answers the operator's setup as unavailable, not as a failure. */
@RealInfrastructure(database = "ledgerline_query")
class EventStoreUnreadableIT {

    private static final String SCHEMA_WITHOUT_EVENTS = "reconciliation_without_event_store";

    @Test
    void aStoreWithoutTheEventTableIsUnavailableUntilItIsSetUp() {
        InfrastructureEndpoints stack = RealInfrastructureExtension.stack();
        String url = stack.postgresJdbcUrl("ledgerline_query");
        new JdbcTemplate(new DriverManagerDataSource(url, stack.postgresUser(), stack.postgresPassword()))
                .execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA_WITHOUT_EVENTS);
        DriverManagerDataSource withoutEvents = new DriverManagerDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA_WITHOUT_EVENTS,
                stack.postgresUser(), stack.postgresPassword());

        assertThatThrownBy(() -> new StoredBalances(withoutEvents).head())
                .isInstanceOfSatisfying(EventStoreUnreadable.class, refused -> {
                    assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(refused.code()).isEqualTo(ErrorCodes.STORE_UNAVAILABLE);
                    assertThat(refused.retryAfter()).contains(Duration.ofSeconds(60));
                });
    }
}
