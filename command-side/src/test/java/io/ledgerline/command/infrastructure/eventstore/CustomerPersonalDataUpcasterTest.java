package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.PersonalData;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Reads the revision-1 goldens of shared-events, the wire form stored before personal data was sealed. */
class CustomerPersonalDataUpcasterTest {

    private static final CustomerId CUST_1 = CustomerId.of("cust-1");

    private final JacksonSerializer serializer = JacksonSerializer.builder().build();
    private final CustomerPersonalDataUpcaster upcaster = new CustomerPersonalDataUpcaster();

    @Test
    void readsARevisionOneRegistrationAsRevisionTwoWithItsTextMarkedUnsealed() throws IOException {
        IntermediateEventRepresentation stored = stored(CustomerRegistered.class, "1", golden("CustomerRegistered-1.json"));

        assertThat(upcaster.upcast(Stream.of(stored)).toList()).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            assertThat((Object) serializer.deserialize(event.getData())).isEqualTo(new CustomerRegistered(CUST_1,
                    PersonalData.unsealed("Ada Lovelace"), PersonalData.unsealed("ada@example.org")));
        });
    }

    @Test
    void readsARevisionOneDetailsChangeAsRevisionTwoWithItsTextMarkedUnsealed() throws IOException {
        IntermediateEventRepresentation stored = stored(CustomerDetailsChanged.class, "1",
                golden("CustomerDetailsChanged-1.json"));

        assertThat(upcaster.upcast(Stream.of(stored)).toList()).singleElement().satisfies(event ->
                assertThat((Object) serializer.deserialize(event.getData())).isEqualTo(new CustomerDetailsChanged(CUST_1,
                        PersonalData.unsealed("Ada King"), PersonalData.unsealed("ada.king@example.org"))));
    }

    @Test
    void leavesTheSealedRevisionAlone() throws IOException {
        IntermediateEventRepresentation stored = stored(CustomerRegistered.class, "2", golden("CustomerRegistered-2.json"));

        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(stored)).toList();

        assertThat(upcast).containsExactly(stored);
    }

    private IntermediateEventRepresentation stored(Class<?> type, String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Customer", "cust-1", 0, "event-1",
                "2026-11-24T10:00:00.000Z", type.getName(), revision, payload, "{}".getBytes());
        return new InitialEventRepresentation(entry, serializer);
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = CustomerPersonalDataUpcasterTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden %s from the shared-events test jar", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
