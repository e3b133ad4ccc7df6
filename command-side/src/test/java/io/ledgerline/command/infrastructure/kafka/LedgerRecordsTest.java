package io.ledgerline.command.infrastructure.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.events.Money;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class LedgerRecordsTest {

    private final LedgerRecords records = new LedgerRecords(new ObjectMapper());

    @Test
    void copiesOnlyTheKnownMetadataIntoHeadersSoThatATransferTextStoredAsMetadataNeverReachesKafka() throws Exception {
        // as a transfer stored before its text was sealed carries it
        GenericDomainEventMessage<TransferRequested> stored = new GenericDomainEventMessage<>("Transfer", "tr-1", 0,
                new TransferRequested(TransferId.of("tr-1"), AccountId.of("acc-1"), AccountId.of("acc-2"),
                        Money.of("30.00", "EUR"), CustomerId.of("cust-1")),
                MetaData.from(Map.of("user", "teller-1", "correlationId", "corr-1", "causationId", "cmd-1",
                        "transferDescription", "Rent March", "somethingElse", "x")));

        ProducerRecord<String, byte[]> record = records.recordOf(stored, 7);

        assertThat(StreamSupport.stream(record.headers().spliterator(), false).map(Header::key)
                .filter(key -> key.startsWith(LedgerHeaders.METADATA_PREFIX)))
                .containsExactly("ledger-meta-user", "ledger-meta-correlationId", "ledger-meta-causationId");
        assertThat(new String(record.headers().lastHeader("ledger-meta-correlationId").value(), StandardCharsets.UTF_8))
                .isEqualTo("corr-1");
        assertThat(record.headers()).noneMatch(header ->
                new String(header.value(), StandardCharsets.UTF_8).contains("Rent March"));
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("Rent March");
    }

    @Test
    void leavesOutAKnownKeyTheEventDoesNotCarry() throws Exception {
        GenericDomainEventMessage<TransferRequested> stored = new GenericDomainEventMessage<>("Transfer", "tr-1", 0,
                new TransferRequested(TransferId.of("tr-1"), AccountId.of("acc-1"), AccountId.of("acc-2"),
                        Money.of("30.00", "EUR"), CustomerId.of("cust-1")),
                MetaData.with("user", "teller-1"));

        ProducerRecord<String, byte[]> record = records.recordOf(stored, 7);

        assertThat(record.headers().lastHeader("ledger-meta-user")).isNotNull();
        assertThat(record.headers().lastHeader("ledger-meta-causationId")).isNull();
    }

    @Test
    void carriesTheStoredTraceContextAsTheW3cTraceparentHeader() throws Exception {
        String traceparent = "00-463ac35c9f6413ad48485a3953bb6124-48485a3953bb6124-01";
        GenericDomainEventMessage<TransferRequested> stored = new GenericDomainEventMessage<>("Transfer", "tr-1", 0,
                new TransferRequested(TransferId.of("tr-1"), AccountId.of("acc-1"), AccountId.of("acc-2"),
                        Money.of("30.00", "EUR"), CustomerId.of("cust-1")),
                MetaData.from(Map.of("user", "teller-1", "traceparent", traceparent)));

        ProducerRecord<String, byte[]> record = records.recordOf(stored, 7);

        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)).isEqualTo(traceparent);
        assertThat(record.headers().lastHeader("ledger-meta-traceparent")).as("not ledger metadata").isNull();
    }

    @Test
    void sendsNoTraceparentForAnEventStoredWithoutOne() throws Exception {
        GenericDomainEventMessage<TransferRequested> stored = new GenericDomainEventMessage<>("Transfer", "tr-1", 0,
                new TransferRequested(TransferId.of("tr-1"), AccountId.of("acc-1"), AccountId.of("acc-2"),
                        Money.of("30.00", "EUR"), CustomerId.of("cust-1")),
                MetaData.with("user", "teller-1"));

        assertThat(records.recordOf(stored, 7).headers().lastHeader("traceparent")).isNull();
    }
}
