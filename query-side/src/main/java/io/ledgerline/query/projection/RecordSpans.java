package io.ledgerline.query.projection;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.support.tracing.TraceContext;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One span per record and read model, a child of the span that published the record (its
 * {@code traceparent} header): a batch listener handles many traces in one poll, and each record's
 * handling belongs to the trace of the request that caused it.
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

    private static String headerOf(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    public interface RecordWork {
        void run() throws IOException;
    }
}
