package io.ledgerline.command.infrastructure.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reads the older goldens of shared-events, the wire forms stored before each field existed. */
class AddedTextFieldsUpcasterTest {

    private static final AccountId ACC_1 = AccountId.of("acc-1");

    private final JacksonSerializer serializer = JacksonSerializer.builder().build();

    @Nested
    class Deposits {

        private final AddedTextFieldsUpcaster upcaster =
                new AddedTextFieldsUpcaster(MoneyDeposited.class, "reference", "externalReference");

        @Test
        void readsRevisionOneWithoutEitherReference() throws IOException {
            IntermediateEventRepresentation upcast = upcastOne(upcaster, stored(MoneyDeposited.class, "1", "MoneyDeposited-1.json"));

            assertThat(upcast.getType().getRevision()).isEqualTo("3");
            assertThat((Object) serializer.deserialize(upcast.getData())).isEqualTo(new MoneyDeposited(ACC_1,
                    Money.of("12.50", "EUR"), Money.of("112.50", "EUR"), "Salary", "", ""));
        }

        @Test
        void readsRevisionTwoKeepingItsPayersReferenceWithoutAnExternalOne() throws IOException {
            IntermediateEventRepresentation upcast = upcastOne(upcaster, stored(MoneyDeposited.class, "2", "MoneyDeposited-2.json"));

            assertThat(upcast.getType().getRevision()).isEqualTo("3");
            assertThat((Object) serializer.deserialize(upcast.getData())).isEqualTo(new MoneyDeposited(ACC_1,
                    Money.of("12.50", "EUR"), Money.of("112.50", "EUR"), "Salary", "INV-2026-0042", ""));
        }

        @Test
        void leavesTheCurrentRevisionAlone() throws IOException {
            IntermediateEventRepresentation stored = stored(MoneyDeposited.class, "3", "MoneyDeposited-3.json");

            assertThat(upcaster.upcast(Stream.of(stored)).toList()).containsExactly(stored);
        }

        @Test
        void leavesOtherEventTypesAlone() throws IOException {
            IntermediateEventRepresentation withdrawal = stored(MoneyWithdrawn.class, "1", "MoneyWithdrawn-1.json");

            assertThat(upcaster.upcast(Stream.of(withdrawal)).toList()).containsExactly(withdrawal);
        }
    }

    @Nested
    class Withdrawals {

        private final AddedTextFieldsUpcaster upcaster = new AddedTextFieldsUpcaster(MoneyWithdrawn.class, "externalReference");

        @Test
        void readsRevisionOneWithoutAnExternalReference() throws IOException {
            IntermediateEventRepresentation upcast = upcastOne(upcaster, stored(MoneyWithdrawn.class, "1", "MoneyWithdrawn-1.json"));

            assertThat(upcast.getType().getRevision()).isEqualTo("2");
            assertThat((Object) serializer.deserialize(upcast.getData())).isEqualTo(new MoneyWithdrawn(ACC_1,
                    Money.of("20.00", "EUR"), Money.of("-7.50", "EUR"), "Cash machine", ""));
        }
    }

    @Test
    void refusesFieldsThatDoNotMakeTheTypesCurrentRevision() {
        assertThatThrownBy(() -> new AddedTextFieldsUpcaster(MoneyDeposited.class, "reference"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MoneyDeposited is revision 3");
    }

    private static IntermediateEventRepresentation upcastOne(AddedTextFieldsUpcaster upcaster,
            IntermediateEventRepresentation stored) {
        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(stored)).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private IntermediateEventRepresentation stored(Class<?> type, String revision, String golden) throws IOException {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Account", "acc-1", 1, "event-1",
                "2026-11-24T10:00:00.000Z", type.getName(), revision, golden(golden), "{}".getBytes());
        return new InitialEventRepresentation(entry, serializer);
    }

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = AddedTextFieldsUpcasterTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden %s from the shared-events test jar", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
