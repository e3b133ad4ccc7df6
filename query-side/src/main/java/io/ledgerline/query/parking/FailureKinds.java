package io.ledgerline.query.parking;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.ledgerline.query.events.UnreadableEvent;
import java.io.IOException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an outage from a poison event. An outage (database or Elasticsearch unreachable,
 * overloaded, timing out) ends by itself and is waited out; anything else would fail forever and is
 * parked, so that it does not hold up the rest of its partition.
 */
public final class FailureKinds {

    private FailureKinds() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // a record that cannot be read never becomes readable, although JSON errors are IOExceptions
            if (cause instanceof UnreadableEvent || cause instanceof JsonProcessingException) {
                return false;
            }
            if (cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof TransportException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof ElasticsearchException elasticsearch && isRetryableStatus(elasticsearch.status())) {
                return true;
            }
            if (cause instanceof RemoteStoreFailure remote && isRetryableStatus(remote.status())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500;
    }
}
