package io.ledgerline.query.reconciliation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.ledgerline.query.consistency.ProjectionNotifications;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationProperties.class)
class ReconciliationConfiguration {

    @Bean
    EventStoreConnection reconciliationEventStore(ReconciliationProperties properties) {
        return new EventStoreConnection(properties.eventStore());
    }

    @Bean
    CatchUpSignals reconciliationCatchUpSignals(ProjectionNotifications notifications) {
        CatchUpSignals signals = new CatchUpSignals();
        notifications.subscribe(signals::projected);
        return signals;
    }

    /** Named for its health component: {@code reconciliation}. */
    @Bean
    Reconciliations reconciliationHealthIndicator(EventStoreConnection eventStore, DataSource readModels,
            ElasticsearchClient search, CatchUpSignals catchUp, ReconciliationProperties properties, Clock clock,
            MeterRegistry meters) {
        return new Reconciliations(new Reconciler(new StoredBalances(eventStore.dataSource()),
                new SqlBalances(readModels), new SearchBalances(search), catchUp, properties, clock), meters);
    }

    @Bean
    @ConditionalOnProperty(name = "ledgerline.reconciliation.enabled", havingValue = "true", matchIfMissing = true)
    PeriodicReconciliation periodicReconciliation(Reconciliations reconciliations, ReconciliationProperties properties) {
        return new PeriodicReconciliation(reconciliations, properties);
    }
}
