package io.ledgerline.query.rebuild;

import io.ledgerline.query.projection.ReplayableProjection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the newest rebuild of each projection as gauges, read from the rebuild table in the
 * background so that a scrape never waits on the database. Every projection has its gauges from the
 * start, rebuilt or not, so that a dashboard and an alert find them before the first rebuild.
 */
@Component
class RebuildMonitoring {

    private static final Logger log = LoggerFactory.getLogger(RebuildMonitoring.class);

    private final Rebuilds rebuilds;
    private final Map<String, Rebuild> newest = new ConcurrentHashMap<>();

    RebuildMonitoring(Rebuilds rebuilds, List<ReplayableProjection> projections, MeterRegistry meters) {
        this.rebuilds = rebuilds;
        projections.forEach(projection -> register(meters, projection.name()));
    }

    @Scheduled(initialDelayString = "PT2S", fixedDelayString = "${ledgerline.projections.status-refresh:PT10S}")
    void refresh() {
        try {
            // newest first: the first rebuild seen of a projection is its newest
            Map<String, Rebuild> seen = new ConcurrentHashMap<>();
            rebuilds.latest().forEach(rebuild -> seen.putIfAbsent(rebuild.projection(), rebuild));
            newest.putAll(seen);
        } catch (DataAccessException e) {
            log.debug("Rebuilds unreadable, their gauges keep the last values read", e);
        }
    }

    private void register(MeterRegistry meters, String projection) {
        gauge(meters, projection, "ledgerline.rebuild.running", "1 while a rebuild of the projection builds or takes over",
                rebuild -> rebuild.state().isActive() ? 1 : 0);
        gauge(meters, projection, "ledgerline.rebuild.failed", "1 when the newest rebuild of the projection failed",
                rebuild -> rebuild.state() == RebuildState.FAILED ? 1 : 0);
        gauge(meters, projection, "ledgerline.rebuild.events.done", "Events the newest rebuild has applied",
                Rebuild::eventsDone);
        // not ".total": Prometheus reserves that suffix for counters and drops it from a gauge's name
        gauge(meters, projection, "ledgerline.rebuild.events.planned", "Events the newest rebuild has to apply, as last estimated",
                Rebuild::eventsTotal);
        gauge(meters, projection, "ledgerline.rebuild.progress.ratio", "Share of its events the newest rebuild has applied",
                RebuildMonitoring::progress);
    }

    private void gauge(MeterRegistry meters, String projection, String metric, String description,
            ToDoubleFunction<Rebuild> value) {
        Gauge.builder(metric, newest, map -> map.containsKey(projection) ? value.applyAsDouble(map.get(projection)) : 0)
                .description(description)
                .tag("projection", projection)
                .register(meters);
    }

    private static double progress(Rebuild rebuild) {
        if (rebuild.state() == RebuildState.COMPLETED) {
            return 1;
        }
        return rebuild.eventsTotal() <= 0 ? 0 : (double) rebuild.eventsDone() / rebuild.eventsTotal();
    }
}
