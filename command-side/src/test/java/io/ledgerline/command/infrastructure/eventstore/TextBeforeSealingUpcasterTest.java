package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Reads the older goldens of shared-events, the wire forms stored before personal data was sealed. */
class TextBeforeSealingUpcasterTest {

    private static final CustomerId CUST_1 = CustomerId.of("cust-1");
    private static final AccountId ACC_1 = AccountId.of("acc-1");

    private final JacksonSerializer serializer = JacksonSerializer.builder().build();
    private final TextBeforeSealingUpcaster upcaster = new TextBeforeSealingUpcaster();

    @Test
    void readsARevisionOneRegistrationAsRevisionTwoWithItsTextMarkedUnsealed() throws IOException {
        assertThat(upcastOnce(CustomerRegistered.class, "1", golden("CustomerRegistered-1.json"), "{}", "2"))
                .isEqualTo(new CustomerRegistered(CUST_1, PersonalData.unsealed("Ada Lovelace"),
                        PersonalData.unsealed("ada@example.org")));
    }

    @Test
    void readsARevisionOneDetailsChangeAsRevisionTwoWithItsTextMarkedUnsealed() throws IOException {
        assertThat(upcastOnce(CustomerDetailsChanged.class, "1", golden("CustomerDetailsChanged-1.json"), "{}", "2"))
                .isEqualTo(new CustomerDetailsChanged(CUST_1, PersonalData.unsealed("Ada King"),
                        PersonalData.unsealed("ada.king@example.org")));
    }

    @Test
    void readsEveryOlderDepositAsRevisionFourInOneStep() throws IOException {
        assertThat(upcastOnce(MoneyDeposited.class, "1", golden("MoneyDeposited-1.json"), "{}", "4"))
                .isEqualTo(new MoneyDeposited(ACC_1, null, Money.of("12.50", "EUR"), Money.of("112.50", "EUR"),
                        PersonalData.unsealed("Salary"), null, null));
        assertThat(upcastOnce(MoneyDeposited.class, "2", golden("MoneyDeposited-2.json"), "{}", "4"))
                .isInstanceOfSatisfying(MoneyDeposited.class, deposited -> {
                    assertThat(deposited.customerId()).isNull();
                    assertThat(deposited.reference().unsealedText()).isNotEmpty();
                    assertThat(deposited.externalReference()).isNull();
                });
        assertThat(upcastOnce(MoneyDeposited.class, "3", golden("MoneyDeposited-3.json"), "{}", "4"))
                .isInstanceOfSatisfying(MoneyDeposited.class, deposited ->
                        assertThat(deposited.externalReference().unsealedText()).isNotEmpty());
    }

    @Test
    void readsAnEventStoredBeforeRevisionsWereRecordedAsRevisionOne() throws IOException {
        assertThat(upcastOnce(MoneyDeposited.class, null, golden("MoneyDeposited-1.json"), "{}", "4"))
                .isInstanceOfSatisfying(MoneyDeposited.class, deposited ->
                        assertThat(deposited.description()).isEqualTo(PersonalData.unsealed("Salary")));
    }

    @Test
    void readsEveryOlderWithdrawalAsRevisionThreeInOneStep() throws IOException {
        assertThat(upcastOnce(MoneyWithdrawn.class, "1", golden("MoneyWithdrawn-1.json"), "{}", "3"))
                .isInstanceOfSatisfying(MoneyWithdrawn.class, withdrawn -> {
                    assertThat(withdrawn.description().unsealedText()).isNotEmpty();
                    assertThat(withdrawn.externalReference()).isNull();
                });
        assertThat(upcastOnce(MoneyWithdrawn.class, "2", golden("MoneyWithdrawn-2.json"), "{}", "3"))
                .isEqualTo(new MoneyWithdrawn(ACC_1, null, Money.of("20.00", "EUR"), Money.of("-7.50", "EUR"),
                        PersonalData.unsealed("Cash machine"), PersonalData.unsealed("ATM-0042-118")));
    }

    @Test
    void takesARevisionOneTransfersDescriptionFromItsMetadata() throws IOException {
        assertThat(upcastOnce(TransferRequested.class, "1", golden("TransferRequested-1.json"),
                "{\"transferDescription\":\"Rent March\",\"user\":\"teller-1\"}", "2"))
                .isEqualTo(new TransferRequested(TransferId.of("tr-1"), ACC_1, AccountId.of("acc-2"),
                        Money.of("30.00", "EUR"), null, PersonalData.unsealed("Rent March"), null));
    }

    @Test
    void readsARevisionOneTransferWithoutDescriptionWithNone() throws IOException {
        assertThat(upcastOnce(TransferRequested.class, "1", golden("TransferRequested-1.json"), "{}", "2"))
                .isEqualTo(new TransferRequested(TransferId.of("tr-1"), ACC_1, AccountId.of("acc-2"),
                        Money.of("30.00", "EUR"), null));
    }

    @Test
    void leavesTheSealedRevisionsAlone() throws IOException {
        for (IntermediateEventRepresentation current : List.of(
                stored(CustomerRegistered.class, "2", golden("CustomerRegistered-2.json"), "{}"),
                stored(MoneyDeposited.class, "4", golden("MoneyDeposited-4.json"), "{}"),
                stored(MoneyWithdrawn.class, "3", golden("MoneyWithdrawn-3.json"), "{}"),
                stored(TransferRequested.class, "2", golden("TransferRequested-2.json"), "{}"))) {
            assertThat(upcaster.upcast(Stream.of(current)).toList()).containsExactly(current);
        }
    }

    private Object upcastOnce(Class<?> type, String revision, byte[] payload, String metadata, String expectedRevision) {
        List<IntermediateEventRepresentation> upcast =
                upcaster.upcast(Stream.of(stored(type, revision, payload, metadata))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo(expectedRevision);
        return serializer.deserialize(upcast.get(0).getData());
    }

    private IntermediateEventRepresentation stored(Class<?> type, String revision, byte[] payload, String metadata) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Aggregate", "agg-1", 0, "event-1",
                "2026-11-24T10:00:00.000Z", type.getName(), revision, payload,
                metadata.getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(entry, serializer);
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = TextBeforeSealingUpcasterTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden %s from the shared-events test jar", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
