package io.ledgerline.query.accounts.web;

import io.micrometer.tracing.Span;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One client's stream with a bounded buffer of its own. Writes run on a thread of their own per
 * stream at a time, so a client that stops reading blocks only its own writer; when its buffer
 * overflows the stream is ended with a last event telling the client to reconnect (and read the
 * state afresh) instead of holding ever more updates for it.
 */
final class LiveStream {

    static final String RECONNECT = "reconnect";
    static final String TOO_SLOW = "TOO_SLOW";
    static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    static final String SHUTTING_DOWN = "SHUTTING_DOWN";

    private final SseEmitter emitter;
    private final int capacity;
    private final Executor writers;
    private final Queue<Item> pending = new ArrayDeque<>();
    private boolean writing;
    private boolean ending;

    LiveStream(SseEmitter emitter, int capacity, Executor writers) {
        this.emitter = emitter;
        this.capacity = capacity;
        this.writers = writers;
    }

    SseEmitter emitter() {
        return emitter;
    }

    synchronized void offer(String eventName, Object data) {
        offer(eventName, data, Span.NOOP);
    }

    /** Offers an update whose sending {@code span} records; the stream ends the span once sent or dropped. */
    synchronized void offer(String eventName, Object data, Span span) {
        if (ending) {
            dropped(span);
            return;
        }
        if (pending.size() >= capacity) {
            dropped(span);
            clearPending();
            endWith(TOO_SLOW);
            return;
        }
        pending.add(new Item(SseEmitter.event().name(eventName).data(data, MediaType.APPLICATION_JSON), false, span));
        writeIfIdle();
    }

    /**
     * A comment line when nothing else waits to be written: a server learns that a client went away
     * only when it writes, so without it a closed stream would hold its place until the next change.
     */
    synchronized void heartbeat() {
        if (!ending && pending.isEmpty()) {
            pending.add(new Item(SseEmitter.event().comment("keep-alive"), false, Span.NOOP));
            writeIfIdle();
        }
    }

    /** Ends the stream after what is being written now, with the reason as its last event. */
    synchronized void end(String reason) {
        if (!ending) {
            clearPending();
            endWith(reason);
        }
    }

    private void endWith(String reason) {
        ending = true;
        pending.add(new Item(SseEmitter.event().name(RECONNECT).data(Map.of("reason", reason), MediaType.APPLICATION_JSON),
                true, Span.NOOP));
        writeIfIdle();
    }

    private void writeIfIdle() {
        if (!writing) {
            writing = true;
            writers.execute(this::write);
        }
    }

    private void write() {
        while (true) {
            Item next;
            synchronized (this) {
                next = pending.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
            }
            try {
                emitter.send(next.event());
                next.span().end();
                if (next.last()) {
                    emitter.complete();
                    return;
                }
            } catch (IOException | IllegalStateException gone) {
                next.span().error(gone);
                next.span().end();
                synchronized (this) {
                    ending = true;
                    clearPending();
                    writing = false;
                }
                // the client went away: completed, not failed, so that no error handler tries to answer it
                completeGone();
                return;
            }
        }
    }

    private void completeGone() {
        try {
            emitter.complete();
        } catch (IllegalStateException alreadyEnded) {
            // the container ended the request on the client's error first; there is nothing left to complete
        }
    }

    private void clearPending() {
        pending.forEach(item -> dropped(item.span()));
        pending.clear();
    }

    private static void dropped(Span span) {
        span.tag("ledgerline.live-update", "dropped");
        span.end();
    }

    private record Item(SseEventBuilder event, boolean last, Span span) {
    }
}
