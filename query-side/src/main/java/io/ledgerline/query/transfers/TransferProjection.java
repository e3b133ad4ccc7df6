package io.ledgerline.query.transfers;

import io.ledgerline.events.TransferCompleted;
import io.ledgerline.events.TransferFailed;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.query.projection.OwnersToLock;
import io.ledgerline.query.projection.SqlProjector;
import java.sql.Timestamp;
import java.sql.Types;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code transfer_view}, with the payer's text that both statements show on the transfer's
 * lines (read with them, see StatementLines).
 */
@Component
class TransferProjection implements SqlProjector {

    private final JdbcClient jdbc;
    private final BookingTexts texts;

    TransferProjection(JdbcClient jdbc, BookingTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
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

    /** The payer, whose customer_view row a request share-locks; the source account's owner where the request names none. */
    @Override
    public void owners(ReceivedEvent event, OwnersToLock owners) {
        if (event.payload() instanceof TransferRequested requested) {
            if (requested.payerCustomerId() != null) {
                owners.shared(requested.payerCustomerId().value());
            } else {
                owners.sharedOwnerOf(requested.sourceAccountId().value());
            }
        }
    }

    /**
     * The payer's text is stored opened, with its owner read under a share lock, for the same race
     * as a statement line's text (see StatementLineInserts): an erasure projected on another node at
     * this moment either commits first, and this writes the mask, or waits for this insert and then
     * masks it. Text of a request from before sealing names no owner: it is the source account's
     * owner's, known here once that account's opening was projected (another partition).
     */
    private void request(TransferRequested requested, ReceivedEvent event) {
        BookingText text = texts.of(requested).orElseThrow();
        BookingText masked = text.masked();
        jdbc.sql("""
                INSERT INTO transfer_view (transfer_id, source_account_id, destination_account_id, amount, currency,
                                           status, version, requested_at, updated_at, description, reference,
                                           text_owner)
                SELECT :transferId, :source, :destination, :amount, :currency, 'REQUESTED', :version, :at, :at,
                       CASE WHEN owner.erased THEN :maskedDescription ELSE :description END,
                       CASE WHEN owner.erased THEN :maskedReference ELSE :reference END,
                       text_owner.id
                FROM (SELECT COALESCE(:textOwner, CASE WHEN :ownerFromAccount
                                 THEN (SELECT customer_id FROM account_view WHERE account_id = :source) END) AS id)
                     AS text_owner,
                     LATERAL (SELECT COALESCE((SELECT status FROM customer_view WHERE customer_id = text_owner.id
                                               FOR SHARE) = 'ERASED', FALSE) AS erased) AS owner
                ON CONFLICT (transfer_id) DO NOTHING
                """)
                .param("transferId", requested.transferId().value())
                .param("source", requested.sourceAccountId().value())
                .param("destination", requested.destinationAccountId().value())
                .param("amount", requested.amount().amount())
                .param("currency", requested.amount().currency().getCurrencyCode())
                .param("version", event.sequence())
                .param("at", Timestamp.from(event.timestamp()))
                .param("description", text.description(), Types.VARCHAR)
                .param("maskedDescription", masked.description(), Types.VARCHAR)
                .param("reference", text.reference(), Types.VARCHAR)
                .param("maskedReference", masked.reference(), Types.VARCHAR)
                .param("textOwner", text.ownerId(), Types.VARCHAR)
                .param("ownerFromAccount", text.showsTextBeforeSealing())
                .update();
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
