package io.ledgerline.query.projection;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.support.tracing.TraceContext;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One span per record and read model, a child of the span that published the record (its
 * {@code traceparent} header): a batch listener handles many traces in one poll, and each record's
 * handling belongs to the trace of the request that caused it. A batch's one write to its store
 * (the SQL commit, the Elasticsearch bulk request) serves all of its records, so it gets a span in
 * each record's trace, a child of that record's span.
 */
@Component
public class RecordSpans {

    /** For projections built outside Spring: records are handled without spans. */
    public static final RecordSpans NONE = new RecordSpans(null);

    private final TraceContext traces;

    public RecordSpans(TraceContext traces) {
        this.traces = traces;
    }

    /** Runs {@code work} for one record of read model {@code group} in the record's span. */
    public void handle(String group, ConsumerRecord<String, byte[]> record, RecordWork work) throws IOException {
        if (traces == null) {
            work.run();
            return;
        }
        traces.inSpan(group + " " + headerOf(record, LedgerHeaders.EVENT_TYPE), Span.Kind.CONSUMER,
                headerOf(record, TraceContext.TRACEPARENT), () -> {
                    work.run();
                    return null;
                });
    }

    /** The record spans of one batch, for the spans of the batch's write. */
    public Batch batch() {
        return new Batch();
    }

    private static String headerOf(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    public interface RecordWork {
        void run() throws IOException;
    }

    /** The records of one batch, each handled in its span, whose contexts are kept for the batch's write. */
    public final class Batch {

        private final List<String> records = new ArrayList<>();

        private Batch() {
        }

        /** Like {@link RecordSpans#handle}, keeping the record's span as a parent of the batch's write. */
        public void handle(String group, ConsumerRecord<String, byte[]> record, RecordWork work) throws IOException {
            RecordSpans.this.handle(group, record, () -> {
                if (traces != null) {
                    traces.current().ifPresent(records::add);
                }
                work.run();
            });
        }

        /** The {@code traceparent} of the record span in scope, inside {@link #handle}; null when untraced. */
        public String currentTraceparent() {
            return traces == null ? null : traces.current().orElse(null);
        }

        /** Runs the batch's write in a span in each record's trace. */
        public void write(String name, RecordWork write) throws IOException {
            Write spans = startWrite(name);
            try {
                write.run();
            } catch (IOException | RuntimeException e) {
                spans.failed(e);
                throw e;
            } finally {
                spans.end();
            }
        }

        /** Starts the spans of a write that the caller cannot wrap (a commit at the end of a transaction template). */
        public Write startWrite(String name) {
            List<Span> spans = new ArrayList<>(records.size());
            if (traces != null) {
                for (String record : records) {
                    spans.add(traces.startSpan(name, Span.Kind.CLIENT, record)
                            .tag("ledgerline.batch.records", String.valueOf(records.size())));
                }
            }
            return new Write(spans);
        }
    }

    /** The spans of one write, one per record of its batch. */
    public static final class Write {

        private final List<Span> spans;

        private Write(List<Span> spans) {
            this.spans = spans;
        }

        public void failed(Throwable failure) {
            spans.forEach(span -> span.error(failure));
        }

        public void end() {
            spans.forEach(Span::end);
        }
    }
}
