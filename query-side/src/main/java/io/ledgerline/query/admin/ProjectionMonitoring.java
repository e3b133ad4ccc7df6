package io.ledgerline.query.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the projections' status as metrics and health, refreshed in the background so that
 * neither a metrics scrape nor a health probe waits on Kafka.
 */
@Component("projectionsHealthIndicator")
class ProjectionMonitoring extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMonitoring.class);

    private final ProjectionStatuses statuses;
    private final MeterRegistry meters;
    private final Map<String, ProjectionStatus> latest = new ConcurrentHashMap<>();
    private final Set<String> metered = ConcurrentHashMap.newKeySet();
    private volatile String unavailable = "not read yet";

    ProjectionMonitoring(ProjectionStatuses statuses, MeterRegistry meters) {
        this.statuses = statuses;
        this.meters = meters;
    }

    @Scheduled(initialDelayString = "PT2S", fixedDelayString = "${ledgerline.projections.status-refresh:PT10S}")
    void refresh() {
        try {
            List<ProjectionStatus> all = statuses.all();
            all.forEach(status -> {
                latest.put(status.name(), status);
                if (metered.add(status.name())) {
                    register(status.name());
                }
            });
            unavailable = null;
        } catch (ProjectionStatusUnavailable e) {
            unavailable = e.getMessage();
            log.debug("Projection status unavailable", e);
        }
    }

    private void register(String name) {
        gauge("ledgerline.projection.lag.events", "Events published but not projected yet", name,
                status -> status.lagEvents());
        gauge("ledgerline.projection.lag.seconds", "Age of the newest projected event while events wait", name,
                status -> status.lagSeconds() == null ? Double.NaN : status.lagSeconds());
        gauge("ledgerline.projection.parked", "Events parked and not yet retried successfully", name,
                status -> status.parkedEvents());
    }

    private void gauge(String metric, String description, String name, ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(metric, latest, map -> map.containsKey(name) ? value.applyAsDouble(map.get(name)) : Double.NaN)
                .description(description)
                .tag("projection", name)
                .register(meters);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        if (unavailable != null) {
            builder.withDetail("status", unavailable);
        }
        latest.values().forEach(status -> builder.withDetail(status.name(), Map.of(
                "running", status.running(),
                "lagEvents", status.lagEvents(),
                "parkedEvents", status.parkedEvents())));
    }
}
