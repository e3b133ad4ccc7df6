package io.ledgerline.query.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Streams with real writer threads; an emitter that records, or blocks like a client that stopped reading. */
class LiveStreamTest {

    private final ExecutorService writers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void aReaderThatStopsReadingHoldsUpNoOtherStream() {
        RecordingEmitter stuck = new RecordingEmitter(new CountDownLatch(1));
        RecordingEmitter reading = new RecordingEmitter(null);
        LiveStream slow = new LiveStream(stuck, 4, writers);
        LiveStream fast = new LiveStream(reading, 4, writers);

        for (int version = 0; version < 3; version++) {
            slow.offer("account", version);
            fast.offer("account", version);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> reading.sent.size() == 3);
        assertThat(stuck.sent).isEmpty();
    }

    @Test
    void aStreamWhoseBufferOverflowsEndsWithAnEventToReconnect() {
        CountDownLatch unblock = new CountDownLatch(1);
        RecordingEmitter stuck = new RecordingEmitter(unblock);
        LiveStream slow = new LiveStream(stuck, 4, writers);

        slow.offer("account", 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.writing);
        for (int version = 1; version < 10; version++) {
            slow.offer("account", version);
        }
        unblock.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.completed);
        assertThat(stuck.sent).as("the write that was under way, then the end")
                .hasSize(2).last().asString().contains("event:reconnect").contains("TOO_SLOW");
    }

    @Test
    void anEndedStreamSendsNothingMore() {
        RecordingEmitter reading = new RecordingEmitter(null);
        LiveStream stream = new LiveStream(reading, 4, writers);

        stream.end(LiveStream.TOKEN_EXPIRED);
        stream.offer("account", 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> reading.completed);
        assertThat(reading.sent).hasSize(1).first().asString().contains("TOKEN_EXPIRED");
    }

    @Test
    void aHeartbeatWritesACommentOnlyWhenNothingElseWaits() {
        RecordingEmitter reading = new RecordingEmitter(null);
        LiveStream stream = new LiveStream(reading, 4, writers);

        stream.heartbeat();

        await().atMost(Duration.ofSeconds(10)).until(() -> reading.sent.size() == 1);
        assertThat(reading.sent.get(0)).startsWith(":keep-alive");
    }

    /** Records what would go on the wire; with a latch, its first write blocks until the latch opens. */
    private static final class RecordingEmitter extends SseEmitter {

        private final CountDownLatch blockFirstWrite;
        private final List<String> sent = new CopyOnWriteArrayList<>();
        private volatile boolean completed;
        private volatile boolean writing;

        RecordingEmitter(CountDownLatch blockFirstWrite) {
            this.blockFirstWrite = blockFirstWrite;
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            writing = true;
            if (blockFirstWrite != null) {
                try {
                    blockFirstWrite.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            StringBuilder wire = new StringBuilder();
            for (var part : event.build()) {
                wire.append(part.getData());
            }
            sent.add(wire.toString());
        }

        @Override
        public void complete() {
            completed = true;
        }
    }
}
