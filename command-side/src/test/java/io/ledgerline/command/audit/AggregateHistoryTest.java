package io.ledgerline.command.audit;

import static io.ledgerline.command.account.AccountEvents.ACCOUNT;
import static io.ledgerline.command.account.AccountEvents.OWNER;
import static io.ledgerline.command.account.AccountEvents.deposited;
import static io.ledgerline.command.account.AccountEvents.eur;
import static io.ledgerline.command.account.AccountEvents.frozen;
import static io.ledgerline.command.account.AccountEvents.opened;
import static io.ledgerline.command.account.AccountEvents.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.account.AccountOwners;
import io.ledgerline.command.customer.InMemoryCustomerDirectory;
import io.ledgerline.command.customer.InMemoryPersonalDataVault;
import io.ledgerline.command.transfer.TransferEvents;
import io.ledgerline.command.web.UnknownResource;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.EventTypes;
import io.ledgerline.support.personaldata.TextBeforeSealing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Reading one aggregate's history from the event store: pages and past states from its first event on,
 * whatever snapshots exist, and nothing for an id of another kind. The store here keeps events in memory;
 * that it reads the same from PostgreSQL, upcasting included, is for the ITs to show.
 */
class AggregateHistoryTest {

    private static final String ID = ACCOUNT.value();
    private static final Map<String, String> CAUSED_BY = Map.of("user", "teller-1");

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    private final AggregateHistory history = new AggregateHistory(store, new AuditedPayloads(
            new ObjectMapper().findAndRegisterModules(), new AuditedPersonalData(vault.opener(),
                    new InMemoryCustomerDirectory().active(OWNER), (AccountOwners) account -> Optional.of(OWNER))));

    /** v0 opened, v1 +100, v2 -30, v3 frozen, v4 +10; one minute apart from {@link History#START}. */
    AggregateHistoryTest() {
        append(store, "Account", ID, CAUSED_BY, opened(ACCOUNT), deposited(ACCOUNT, "100", "100"),
                withdrawn(ACCOUNT, "30", "70"), frozen(ACCOUNT), deposited(ACCOUNT, "10", "80"));
    }

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private static void append(EventStore store, String type, String id, Map<String, ?> metadata, Object... payloads) {
        for (int sequence = 0; sequence < payloads.length; sequence++) {
            store.publish(new GenericDomainEventMessage<>(type, id, sequence, payloads[sequence], metadata,
                    "event-" + id + "-" + sequence, History.at(sequence)));
        }
    }

    private static List<Long> sequencesOf(EventPage page) {
        return page.events().stream().map(AuditedEvent::sequence).toList();
    }

    @Nested
    class Page {

        @Test
        void answersThePagesEventsOldestFirstWithTheNumberOfEventsInAll() {
            EventPage page = history.page(AggregateKind.ACCOUNT, ID, 1, 2);

            assertThat(page.aggregateId()).isEqualTo(ID);
            assertThat(page.page()).isEqualTo(1);
            assertThat(page.size()).isEqualTo(2);
            assertThat(page.totalEvents()).isEqualTo(5);
            assertThat(sequencesOf(page)).containsExactly(2L, 3L);
        }

        @Test
        void answersThePageThatStartsWithTheLastEvent() {
            assertThat(sequencesOf(history.page(AggregateKind.ACCOUNT, ID, 2, 2))).containsExactly(4L);
        }

        @Test
        void answersAnEmptyPageBeyondTheLastEvent() {
            EventPage beyond = history.page(AggregateKind.ACCOUNT, ID, 3, 2);

            assertThat(beyond.events()).isEmpty();
            assertThat(beyond.totalEvents()).isEqualTo(5);
        }

        @Test
        void showsEachEventsIdTypeRevisionTimePayloadAndWhoCausedIt() {
            AuditedEvent first = history.page(AggregateKind.ACCOUNT, ID, 0, 1).events().get(0);

            assertThat(first.sequence()).isZero();
            assertThat(first.eventId()).isEqualTo("event-" + ID + "-0");
            assertThat(first.type()).isEqualTo("AccountOpened");
            assertThat(first.revision()).isEqualTo(EventTypes.revisionOf(AccountOpened.class));
            assertThat(first.timestamp()).isEqualTo(History.at(0));
            assertThat(first.payload().get("accountId").asText()).isEqualTo(ID);
            assertThat(first.metadata()).isEqualTo(CAUSED_BY);
        }

        @Test
        void leavesOutTheTransferTextThatOlderEventsKeptAsMetadata() {
            String transfer = TransferEvents.TRANSFER.value();
            append(store, "Transfer", transfer, Map.of("user", "cust-1",
                    TextBeforeSealing.TRANSFER_DESCRIPTION_METADATA, "rent share"), TransferEvents.requested());

            AuditedEvent event = history.page(AggregateKind.TRANSFER, transfer, 0, 1).events().get(0);

            assertThat(event.metadata()).isEqualTo(Map.of("user", "cust-1"));
        }

        @Test
        void readsFromTheFirstEventWhateverSnapshotWasTaken() {
            store.storeSnapshot(new GenericDomainEventMessage<>("Account", ID, 3, "a snapshot at version 3"));

            assertThat(sequencesOf(history.page(AggregateKind.ACCOUNT, ID, 0, 10))).containsExactly(0L, 1L, 2L, 3L, 4L);
        }
    }

    @Nested
    class UnknownIds {

        @Test
        void knowsNoIdWithoutEvents() {
            assertThatThrownBy(() -> history.page(AggregateKind.ACCOUNT, "acc-never-used", 0, 10))
                    .isInstanceOf(UnknownResource.class).hasMessage("No account is known under id acc-never-used");
        }

        @Test
        void knowsNoIdOfAnotherKindOfAggregate() {
            assertThatThrownBy(() -> history.page(AggregateKind.CUSTOMER, ID, 0, 10))
                    .isInstanceOf(UnknownResource.class).hasMessage("No customer is known under id " + ID);
        }

        @Test
        void knowsNoIdOfAShapeTheLedgerNeverIssues() {
            assertThatThrownBy(() -> history.stateAt(AggregateKind.ACCOUNT, "acc 1/../", PointInHistory.atVersion(0),
                    new AccountStateFold()))
                    .isInstanceOf(UnknownResource.class).hasMessage("No account is known under id acc 1/../");
        }
    }

    @Nested
    class StateAt {

        @Test
        void replaysUpToAVersion() {
            AccountState state = history.stateAt(AggregateKind.ACCOUNT, ID, PointInHistory.atVersion(2),
                    new AccountStateFold());

            assertThat(state.balance()).isEqualTo(eur("70"));
            assertThat(state.version()).isEqualTo(2);
        }

        @Test
        void replaysUpToTheLatestVersion() {
            AccountState state = history.stateAt(AggregateKind.ACCOUNT, ID, PointInHistory.atVersion(4),
                    new AccountStateFold());

            assertThat(state.balance()).isEqualTo(eur("80"));
            assertThat(state.status()).isEqualTo(AccountState.Status.FROZEN);
        }

        @Test
        void refusesAVersionTheAggregateHasNotReached() {
            assertThatThrownBy(() -> history.stateAt(AggregateKind.ACCOUNT, ID, PointInHistory.atVersion(5),
                    new AccountStateFold()))
                    .isInstanceOf(VersionNotReached.class)
                    .hasMessage("The account " + ID + " has no version 5; its latest version is 4");
        }

        @Test
        void replaysUpToAnInstant() {
            AccountState state = history.stateAt(AggregateKind.ACCOUNT, ID,
                    PointInHistory.asOf(History.at(3).plusSeconds(30)), new AccountStateFold());

            assertThat(state.version()).isEqualTo(3);
        }

        @Test
        void refusesAnInstantBeforeTheFirstEventNamingWhenThatWas() {
            assertThatThrownBy(() -> history.stateAt(AggregateKind.ACCOUNT, ID,
                    PointInHistory.asOf(History.START.minusSeconds(1)), new AccountStateFold()))
                    .isInstanceOf(NotYetExisting.class)
                    .hasMessage("The account " + ID + " did not exist at " + History.START.minusSeconds(1)
                            + "; its first event is of " + History.START);
        }
    }
}
