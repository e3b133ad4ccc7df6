package io.ledgerline.query.rebuild;

import io.ledgerline.query.projection.ReplayableProjection;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Starts, cancels and supervises rebuilds. Each rebuild runs on a worker of the node holding its
 * lease; every node looks regularly for rebuilds without a worker (their node stopped or died)
 * and resumes them, or drops what a cancelled or failed one left behind.
 */
@Service
public class Rebuilder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 15;

    private final Map<String, ReplayableProjection> projections;
    private final RebuildTargets targets;
    private final RebuildCollaborators collaborators;
    private final DataSource dataSource;
    private final Map<String, RebuildWorker> running = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    Rebuilder(List<ReplayableProjection> projections, RebuildTargets targets, RebuildCollaborators collaborators,
            DataSource dataSource) {
        this.projections = projections.stream()
                .collect(Collectors.toUnmodifiableMap(ReplayableProjection::name, Function.identity()));
        this.targets = targets;
        this.collaborators = collaborators;
        this.dataSource = dataSource;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "rebuild-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public List<String> projections() {
        return projections.keySet().stream().sorted().toList();
    }

    /** Starts building a new version of the projection; the serving version answers meanwhile. */
    public Rebuild start(String projectionName) throws UnknownProjection, RebuildAlreadyRunning, IOException {
        ReplayableProjection projection = Optional.ofNullable(projections.get(projectionName))
                .orElseThrow(() -> new UnknownProjection(projectionName));
        String id = UUID.randomUUID().toString();
        RebuildTarget target = targets.next(projection, id);
        Rebuild rebuild = collaborators.rebuilds().start(id, projectionName, target.describe());
        log.info("Rebuild {} of {} started into {}", id, projectionName, target.describe());
        RebuildLease.tryAcquire(dataSource, id).ifPresent(lease -> launch(rebuild, projection, target, lease));
        return rebuild;
    }

    public Optional<Rebuild> find(String id) {
        return collaborators.rebuilds().find(id);
    }

    public List<Rebuild> latest() {
        return collaborators.rebuilds().latest();
    }

    /** Cancels a rebuild still building; its worker drops the new version. Returns the rebuild as it is now. */
    public Rebuild cancel(String id) throws RebuildNotFound, RebuildNotCancellable {
        Rebuild rebuild = find(id).orElseThrow(() -> new RebuildNotFound(id));
        if (!collaborators.rebuilds().cancel(id)) {
            throw new RebuildNotCancellable(find(id).orElse(rebuild));
        }
        log.info("Rebuild {} of {} cancelled", id, rebuild.projection());
        return find(id).orElse(rebuild);
    }

    @Scheduled(fixedDelayString = "${ledgerline.rebuild.supervision-interval:5s}",
            initialDelayString = "${ledgerline.rebuild.supervision-interval:5s}")
    void resumeOrphans() {
        List<Rebuild> unsettled;
        try {
            unsettled = collaborators.rebuilds().unsettled();
        } catch (RuntimeException e) {
            log.debug("Rebuilds not supervised this time: {}", e.toString());
            return;
        }
        for (Rebuild rebuild : unsettled) {
            ReplayableProjection projection = projections.get(rebuild.projection());
            if (projection == null || running.containsKey(rebuild.id())) {
                continue;
            }
            RebuildLease.tryAcquire(dataSource, rebuild.id()).ifPresent(lease -> {
                log.info("Resuming rebuild {} of {} ({})", rebuild.id(), rebuild.projection(), rebuild.state());
                launch(rebuild, projection, targets.described(projection, rebuild.target()), lease);
            });
        }
    }

    private void launch(Rebuild rebuild, ReplayableProjection projection, RebuildTarget target, RebuildLease lease) {
        RebuildWorker worker = new RebuildWorker(rebuild, projection, target, collaborators, lease);
        if (running.putIfAbsent(rebuild.id(), worker) != null) {
            lease.close();
            return;
        }
        workers.execute(() -> {
            try {
                worker.run();
            } finally {
                running.remove(rebuild.id());
            }
        });
    }

    /** Stops the workers without ending their rebuilds: the next start, or another node, resumes them. */
    @Override
    public void destroy() throws InterruptedException {
        running.values().forEach(RebuildWorker::stop);
        workers.shutdown();
        if (!workers.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }
}
