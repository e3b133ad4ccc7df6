package io.ledgerline.query.accounts.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.consistency.ProjectionNotifications;
import io.ledgerline.query.projection.Projected;
import io.ledgerline.support.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AccountLiveUpdatesTest {

    private final ProjectionNotifications notifications = mock(ProjectionNotifications.class);
    private final AccountViewRepository accounts = mock(AccountViewRepository.class);
    private final AccountLiveUpdates updates = new AccountLiveUpdates(notifications, accounts, Clock.systemUTC(),
            new TraceContext(Tracer.NOOP, Propagator.NOOP), 5, 100, 16,
            Duration.ofMinutes(1));

    @AfterEach
    void shutDown() {
        updates.destroy();
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsAChangedAccountOnceWhateverTheNumberOfItsStreams() {
        when(accounts.findById(any())).thenReturn(Optional.empty());
        ArgumentCaptor<Consumer<Projected>> subscriber = ArgumentCaptor.forClass(Consumer.class);
        verify(notifications).subscribe(subscriber.capture());
        for (int i = 0; i < 4; i++) {
            updates.subscribe("account-1", "subject-" + i, Optional.empty());
        }
        // each new stream reads the state it starts from
        verify(accounts, timeout(5_000).times(4)).findById("account-1");

        subscriber.getValue().accept(new Projected("account-1", 1, "MoneyDeposited"));

        // reads run in order on one thread: once a later stream's first read ran, the change's reads are done
        updates.subscribe("account-2", "subject-9", Optional.empty());
        verify(accounts, timeout(5_000)).findById("account-2");
        verify(accounts, times(5)).findById("account-1");
    }
}
