package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Reads the revision-1 golden of shared-events, the wire form stored before deposits had a reference. */
class MoneyDepositedReferenceUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder().build();
    private final MoneyDepositedReferenceUpcaster upcaster = new MoneyDepositedReferenceUpcaster();

    @Test
    void readsRevisionOneAsRevisionTwoWithAnEmptyReference() throws IOException {
        IntermediateEventRepresentation stored = stored("1", golden("MoneyDeposited-1.json"));

        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(stored)).toList();

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("2");
            assertThat((Object) serializer.deserialize(event.getData())).isEqualTo(new MoneyDeposited(AccountId.of("acc-1"),
                    Money.of("12.50", "EUR"), Money.of("112.50", "EUR"), "Salary", ""));
        });
    }

    @Test
    void leavesTheCurrentRevisionAlone() throws IOException {
        IntermediateEventRepresentation stored = stored("2", golden("MoneyDeposited-2.json"));

        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(stored)).toList();

        assertThat(upcast).containsExactly(stored);
    }

    private IntermediateEventRepresentation stored(String revision, byte[] payload) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Account", "acc-1", 1, "event-1",
                "2026-11-24T10:00:00.000Z", MoneyDeposited.class.getName(), revision, payload, "{}".getBytes());
        return new InitialEventRepresentation(entry, serializer);
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = MoneyDepositedReferenceUpcasterTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden %s from the shared-events test jar", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
