package io.ledgerline.query.accounts.web;

import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.consistency.ProjectionNotifications;
import io.ledgerline.query.projection.Projected;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events per account: the account's state now, then again each time a change to it
 * is committed by the projection, on whichever node projected it.
 */
@Component
class AccountLiveUpdates implements DisposableBean {

    static final String EVENT_NAME = "account";
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, Set<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "account-live-updates");
        thread.setDaemon(true);
        return thread;
    });

    private final AccountViewRepository accounts;

    AccountLiveUpdates(ProjectionNotifications notifications, AccountViewRepository accounts) {
        this.accounts = accounts;
        notifications.subscribe(this::projected);
    }

    SseEmitter subscribe(String accountId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Set<SseEmitter> emitters = subscribers.computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet());
        emitters.add(emitter);
        Runnable remove = () -> emitters.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(failure -> remove.run());
        sender.execute(() -> send(accountId, emitter));
        return emitter;
    }

    private void projected(Projected projected) {
        Set<SseEmitter> emitters = subscribers.get(projected.aggregateId());
        if (emitters != null && !emitters.isEmpty()) {
            sender.execute(() -> emitters.forEach(emitter -> send(projected.aggregateId(), emitter)));
        }
    }

    private void send(String accountId, SseEmitter emitter) {
        accounts.findById(accountId).map(AccountResponse::of).ifPresent(account -> {
            try {
                emitter.send(SseEmitter.event().name(EVENT_NAME).data(account, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                emitter.completeWithError(gone);
            }
        });
    }

    @Override
    public void destroy() {
        subscribers.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        sender.shutdownNow();
    }
}
