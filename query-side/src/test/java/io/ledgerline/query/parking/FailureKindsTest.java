package io.ledgerline.query.parking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.ledgerline.query.events.UnreadableEvent;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class FailureKindsTest {

    @Test
    void waitsOutAnUnreachableStore() {
        assertThat(FailureKinds.isTransient(wrapped(new CannotGetJdbcConnectionException("down")))).isTrue();
        assertThat(FailureKinds.isTransient(wrapped(new QueryTimeoutException("slow")))).isTrue();
        assertThat(FailureKinds.isTransient(wrapped(new IOException(new ConnectException("refused"))))).isTrue();
        assertThat(FailureKinds.isTransient(wrapped(new Overloaded(429)))).isTrue();
        assertThat(FailureKinds.isTransient(wrapped(new Overloaded(503)))).isTrue();
    }

    /** What a batch that PostgreSQL aborted with "deadlock detected" (40P01) fails with: the poll is tried again. */
    @Test
    void triesABatchThatLostADeadlockAgain() {
        assertThat(FailureKinds.isTransient(wrapped(new PessimisticLockingFailureException("deadlock detected"))))
                .isTrue();
    }

    @Test
    void parksWhatWouldFailForever() {
        assertThat(FailureKinds.isTransient(wrapped(
                new UnreadableEvent("bad", new JsonParseException(null, "unexpected end"))))).isFalse();
        assertThat(FailureKinds.isTransient(wrapped(new DataIntegrityViolationException("too long")))).isFalse();
        assertThat(FailureKinds.isTransient(wrapped(new Overloaded(400)))).isFalse();
        assertThat(FailureKinds.isTransient(wrapped(new IllegalStateException("bug")))).isFalse();
    }

    private static Exception wrapped(Exception cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }

    private static final class Overloaded extends RuntimeException implements RemoteStoreFailure {

        private final int status;

        Overloaded(int status) {
            super("status " + status);
            this.status = status;
        }

        @Override
        public int status() {
            return status;
        }
    }
}
