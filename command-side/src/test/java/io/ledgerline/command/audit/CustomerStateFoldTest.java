package io.ledgerline.command.audit;

import static io.ledgerline.command.customer.CustomerEvents.ADA;
import static io.ledgerline.command.customer.CustomerEvents.detailsChanged;
import static io.ledgerline.command.customer.CustomerEvents.erased;
import static io.ledgerline.command.customer.CustomerEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.command.audit.CustomerState.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerStateFoldTest {

    private final List<RecordedEvent> history = History.of(
            registered(ADA),
            detailsChanged(ADA, "Ada King", "king@example.org"),
            erased(ADA));

    private CustomerState atVersion(long version) {
        return Replay.upTo(history, PointInHistory.atVersion(version), new CustomerStateFold()).orElseThrow();
    }

    @Test
    void showsTheDetailsAsRegisteredThenAsChanged() {
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
}
