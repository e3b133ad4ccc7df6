package io.ledgerline.command.audit;

import static io.ledgerline.command.customer.CustomerEvents.ADA;
import static io.ledgerline.command.customer.CustomerEvents.erased;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.command.audit.CustomerState.Status;
import io.ledgerline.command.customer.CustomerEvents;
import io.ledgerline.command.customer.InMemoryCustomerDirectory;
import io.ledgerline.command.customer.InMemoryPersonalDataVault;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.PersonalData;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerStateFoldTest {

    private final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    private final CustomerEvents events = new CustomerEvents(vault);
    private final List<RecordedEvent> history = History.of(
            events.registered(ADA),
            events.detailsChanged(ADA, "Ada King", "king@example.org"),
            erased(ADA));
    private final InMemoryCustomerDirectory customers = new InMemoryCustomerDirectory().active(ADA);
    private final CustomerStateFold fold = new CustomerStateFold(new AuditedPersonalData(vault.opener(), customers, account -> Optional.empty()));

    private CustomerState atVersion(long version) {
        return Replay.upTo(history, PointInHistory.atVersion(version), fold).orElseThrow();
    }

    @Test
    void showsTheDetailsAsRegisteredThenAsChangedWhileTheKeyExists() {
        assertThat(atVersion(0)).isEqualTo(new CustomerState(ADA.value(), "Ada Lovelace", "ada@example.org",
                Status.ACTIVE, 0, History.at(0)));
        assertThat(atVersion(1)).isEqualTo(new CustomerState(ADA.value(), "Ada King", "king@example.org",
                Status.ACTIVE, 1, History.at(1)));
    }

    @Test
    void showsTheErasureMarkerOnceErased() {
        assertThat(atVersion(2)).isEqualTo(new CustomerState(ADA.value(), "[erased]", "[erased]", Status.ERASED, 2,
                History.at(2)));
    }

    @Test
    void showsTheErasureMarkerAtEveryEarlierVersionOnceTheKeyIsGone() {
        vault.shred(ADA);

        assertThat(atVersion(0)).isEqualTo(new CustomerState(ADA.value(), "[erased]", "[erased]", Status.ACTIVE, 0,
                History.at(0)));
        assertThat(atVersion(1).name()).isEqualTo(PersonalDataOpener.ERASED);
    }

    @Test
    void showsTextWrittenBeforeSealingAsItIsUntilTheCustomerIsErased() {
        CustomerId old = CustomerId.of("cust-old");
        customers.active(old);
        List<RecordedEvent> unsealed = History.of(new CustomerRegistered(old,
                PersonalData.unsealed("Old Timer"), PersonalData.unsealed("old@example.org")), erased(old));

        assertThat(Replay.upTo(unsealed, PointInHistory.atVersion(0), fold).orElseThrow().name()).isEqualTo("Old Timer");

        customers.erased(old);

        CustomerState beforeErasure = Replay.upTo(unsealed, PointInHistory.atVersion(0), fold).orElseThrow();
        assertThat(beforeErasure.name()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(beforeErasure.email()).isEqualTo(PersonalDataOpener.ERASED);
    }

    @Test
    void countsAFactItDoesNotKnowAsAVersionThatKeepsTheDetails() {
        List<RecordedEvent> withLaterFact = History.of(events.registered(ADA), new LaterFact());

        assertThat(Replay.upTo(withLaterFact, PointInHistory.atVersion(1), fold).orElseThrow()).isEqualTo(
                new CustomerState(ADA.value(), "Ada Lovelace", "ada@example.org", Status.ACTIVE, 1, History.at(1)));
    }

    /** A fact a later version of the ledger may record about a customer. */
    private record LaterFact() {
    }
}
