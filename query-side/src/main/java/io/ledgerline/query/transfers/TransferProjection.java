package io.ledgerline.query.transfers;

import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.projection.SqlProjector;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code transfer_view}, and names the counterparty on statement lines of the transfer that
 * were projected before the transfer itself.
 */
@Component
class TransferProjection implements SqlProjector {

    private final JdbcClient jdbc;

    TransferProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(ReceivedEvent event) {
        if (event.payload() instanceof TransferRequested requested) {
            request(requested, event);
        } else if (event.payload() instanceof TransferCompleted) {
            outcome("COMPLETED", null, null, event);
        } else if (event.payload() instanceof TransferFailed failed) {
            outcome("FAILED", failed.reasonCode(), failed.reason(), event);
        }
    }

    private void request(TransferRequested requested, ReceivedEvent event) {
        int inserted = jdbc.sql("""
                INSERT INTO transfer_view (transfer_id, source_account_id, destination_account_id, amount, currency,
                                           status, version, requested_at, updated_at)
                VALUES (:transferId, :source, :destination, :amount, :currency, 'REQUESTED', :version, :at, :at)
                ON CONFLICT (transfer_id) DO NOTHING
                """)
                .param("transferId", requested.transferId().value())
                .param("source", requested.sourceAccountId().value())
                .param("destination", requested.destinationAccountId().value())
                .param("amount", requested.amount().amount())
                .param("currency", requested.amount().currency().getCurrencyCode())
                .param("version", event.sequence())
                .param("at", Timestamp.from(event.timestamp()))
                .update();
        if (inserted == 1) {
            jdbc.sql("""
                    UPDATE statement_line
                    SET counterparty_account_id = CASE WHEN account_id = :source THEN :destination ELSE :source END
                    WHERE transfer_id = :transferId AND counterparty_account_id IS NULL
                    """)
                    .param("transferId", requested.transferId().value())
                    .param("source", requested.sourceAccountId().value())
                    .param("destination", requested.destinationAccountId().value())
                    .update();
        }
    }

    /** An outcome that arrives before its request (it cannot, within one partition) is retried, not lost. */
    private void outcome(String status, String failureCode, String failureReason, ReceivedEvent event) {
        int updated = jdbc.sql("""
                UPDATE transfer_view SET status = :status, failure_code = :code, failure_reason = :reason,
                                         version = :version, updated_at = :at
                WHERE transfer_id = :transferId AND version < :version
                """)
                .param("transferId", event.aggregateId())
                .param("status", status)
                .param("code", failureCode)
                .param("reason", failureReason)
                .param("version", event.sequence())
                .param("at", Timestamp.from(event.timestamp()))
                .update();
        if (updated == 0 && !exists(event.aggregateId())) {
            throw new IllegalStateException("Transfer " + event.aggregateId() + " has an outcome but no request");
        }
    }

    private boolean exists(String transferId) {
        return jdbc.sql("SELECT count(*) FROM transfer_view WHERE transfer_id = :transferId")
                .param("transferId", transferId)
                .query(Long.class).single() > 0;
    }
}
