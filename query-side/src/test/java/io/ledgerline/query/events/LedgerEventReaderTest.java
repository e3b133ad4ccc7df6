package io.ledgerline.query.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.events.PersonalData;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Records of ledger.events written before personal data was sealed stay readable. */
class LedgerEventReaderTest {

    private static final CustomerId CUST_1 = CustomerId.of("cust-1");

    private final LedgerEventReader reader = new LedgerEventReader(new ObjectMapper().findAndRegisterModules());

    @Test
    void readsARevisionOneRegistrationWithItsPlainTextMarkedUnsealed() {
        ReceivedEvent event = reader.read(record("CustomerRegistered", "1",
                "{\"customerId\":\"cust-1\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.org\"}"));

        assertThat(event.payload()).isEqualTo(new CustomerRegistered(CUST_1, PersonalData.unsealed("Ada Lovelace"),
                PersonalData.unsealed("ada@example.org")));
    }

    @Test
    void readsARevisionOneDetailsChangeWithItsPlainTextMarkedUnsealed() {
        ReceivedEvent event = reader.read(record("CustomerDetailsChanged", "1",
                "{\"customerId\":\"cust-1\",\"name\":\"Ada King\",\"email\":\"king@example.org\"}"));

        assertThat(event.payload()).isEqualTo(new CustomerDetailsChanged(CUST_1, PersonalData.unsealed("Ada King"),
                PersonalData.unsealed("king@example.org")));
    }

    @Test
    void readsTheSealedRevisionAsItIs() {
        ReceivedEvent event = reader.read(record("CustomerRegistered", "2",
                "{\"customerId\":\"cust-1\",\"name\":\"v1:AAAA\",\"email\":\"v1:BBBB\"}"));

        assertThat(event.payload()).isEqualTo(new CustomerRegistered(CUST_1, PersonalData.sealed("AAAA"),
                PersonalData.sealed("BBBB")));
    }

    private static ConsumerRecord<String, byte[]> record(String type, String revision, String json) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(LedgerHeaders.TOPIC, 0, 7L, "cust-1",
                json.getBytes(StandardCharsets.UTF_8));
        header(record, LedgerHeaders.EVENT_ID, "event-1");
        header(record, LedgerHeaders.EVENT_TYPE, type);
        header(record, LedgerHeaders.EVENT_REVISION, revision);
        header(record, LedgerHeaders.AGGREGATE_TYPE, "Customer");
        header(record, LedgerHeaders.AGGREGATE_ID, "cust-1");
        header(record, LedgerHeaders.AGGREGATE_SEQUENCE, "0");
        header(record, LedgerHeaders.GLOBAL_POSITION, "42");
        header(record, LedgerHeaders.TIMESTAMP, "2026-03-01T09:00:00Z");
        return record;
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
