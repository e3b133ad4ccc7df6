package io.ledgerline.query.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Records of ledger.events written before personal data was sealed stay readable. */
class LedgerEventReaderTest {

    private static final CustomerId CUST_1 = CustomerId.of("cust-1");
    private static final AccountId ACC_1 = AccountId.of("acc-1");
    private static final String AMOUNT = "\"amount\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},"
            + "\"balance\":{\"amount\":\"112.50\",\"currency\":\"EUR\"}";

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
                "{\"customerId\":\"cust-1\",\"name\":\"v1:AAAA\",\"email\":\"v2:BBBB\"}"));

        assertThat(event.payload()).isEqualTo(new CustomerRegistered(CUST_1,
                PersonalData.sealedForCustomerOnly("AAAA"), PersonalData.sealed("BBBB")));
    }

    @Test
    void readsARevisionOneDepositWithItsDescriptionMarkedUnsealedAndNoOwner() {
        ReceivedEvent event = reader.read(record("MoneyDeposited", "1",
                "{\"accountId\":\"acc-1\"," + AMOUNT + ",\"description\":\"Salary\"}"));

        assertThat(event.payload()).isEqualTo(new MoneyDeposited(ACC_1, null, eur("12.50"), eur("112.50"),
                PersonalData.unsealed("Salary"), null, null));
    }

    @Test
    void readsARevisionTwoDepositWithAnEmptyReferenceAsNone() {
        ReceivedEvent event = reader.read(record("MoneyDeposited", "2",
                "{\"accountId\":\"acc-1\"," + AMOUNT + ",\"description\":\"Rent\",\"reference\":\"\"}"));

        assertThat(event.payload()).isEqualTo(new MoneyDeposited(ACC_1, null, eur("12.50"), eur("112.50"),
                PersonalData.unsealed("Rent"), null, null));
    }

    @Test
    void readsARevisionThreeDepositWithEachTextMarkedUnsealed() {
        ReceivedEvent event = reader.read(record("MoneyDeposited", "3", "{\"accountId\":\"acc-1\"," + AMOUNT
                + ",\"description\":\"Rent\",\"reference\":\"INV-7\",\"externalReference\":\"PAY-1\"}"));

        assertThat(event.payload()).isEqualTo(new MoneyDeposited(ACC_1, null, eur("12.50"), eur("112.50"),
                PersonalData.unsealed("Rent"), PersonalData.unsealed("INV-7"), PersonalData.unsealed("PAY-1")));
    }

    @Test
    void readsARevisionTwoWithdrawalWithItsTextMarkedUnsealed() {
        ReceivedEvent event = reader.read(record("MoneyWithdrawn", "2", "{\"accountId\":\"acc-1\"," + AMOUNT
                + ",\"description\":\"Cash\",\"externalReference\":\"ATM-118\"}"));

        assertThat(event.payload()).isEqualTo(new MoneyWithdrawn(ACC_1, null, eur("12.50"), eur("112.50"),
                PersonalData.unsealed("Cash"), PersonalData.unsealed("ATM-118")));
    }

    @Test
    void readsARevisionOneTransferRequestWithTheDescriptionItsMetadataCarried() {
        ConsumerRecord<String, byte[]> record = record("TransferRequested", "1", "{\"transferId\":\"tr-1\","
                + "\"sourceAccountId\":\"acc-1\",\"destinationAccountId\":\"acc-2\","
                + "\"amount\":{\"amount\":\"30.00\",\"currency\":\"EUR\"}}");
        header(record, LedgerHeaders.METADATA_PREFIX + "transferDescription", "Birthday present");

        ReceivedEvent event = reader.read(record);

        assertThat(event.payload()).isEqualTo(new TransferRequested(TransferId.of("tr-1"), ACC_1,
                AccountId.of("acc-2"), eur("30.00"), null, PersonalData.unsealed("Birthday present"), null));
        assertThat(event.metadata()).containsEntry("transferDescription", "Birthday present");
    }

    @Test
    void readsARevisionOneTransferRequestWithoutADescriptionAsNone() {
        ReceivedEvent event = reader.read(record("TransferRequested", "1", "{\"transferId\":\"tr-1\","
                + "\"sourceAccountId\":\"acc-1\",\"destinationAccountId\":\"acc-2\","
                + "\"amount\":{\"amount\":\"30.00\",\"currency\":\"EUR\"}}"));

        assertThat(event.payload()).isEqualTo(new TransferRequested(TransferId.of("tr-1"), ACC_1,
                AccountId.of("acc-2"), eur("30.00"), null, null, null));
    }

    @Test
    void readsASealedDepositAsItIs() {
        ReceivedEvent event = reader.read(record("MoneyDeposited", "4", "{\"accountId\":\"acc-1\","
                + "\"customerId\":\"cust-1\"," + AMOUNT
                + ",\"description\":\"v2:AAAA\",\"reference\":null,\"externalReference\":\"v2:CCCC\"}"));

        assertThat(event.payload()).isEqualTo(new MoneyDeposited(ACC_1, CUST_1, eur("12.50"), eur("112.50"),
                PersonalData.sealed("AAAA"), null, PersonalData.sealed("CCCC")));
    }

    @Test
    void readsTheAggregateTypeFromItsHeader() {
        ReceivedEvent event = reader.read(record("CustomerRegistered", "2",
                "{\"customerId\":\"cust-1\",\"name\":\"v1:AAAA\",\"email\":\"v2:BBBB\"}"));

        assertThat(event.aggregateType()).isEqualTo("Customer");
    }

    @Test
    void refusesARecordWithoutItsAggregateType() {
        ConsumerRecord<String, byte[]> record = record("CustomerRegistered", "2",
                "{\"customerId\":\"cust-1\",\"name\":\"v1:AAAA\",\"email\":\"v2:BBBB\"}");
        record.headers().remove(LedgerHeaders.AGGREGATE_TYPE);

        assertThatThrownBy(() -> reader.read(record)).isInstanceOf(UnreadableEvent.class)
                .hasStackTraceContaining(LedgerHeaders.AGGREGATE_TYPE);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
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
