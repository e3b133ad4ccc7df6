package io.ledgerline.command.audit;

import io.ledgerline.events.Money;
import java.time.Instant;

/**
 * A transfer as it was at one version.
 *
 * @param outcome why it failed; null while requested or once completed
 */
public record TransferState(String transferId, String sourceAccountId, String destinationAccountId, Money amount,
        Status status, Failure outcome, long version, Instant lastEventAt) {

    public enum Status { REQUESTED, COMPLETED, FAILED }

    /** @param reasonCode the stable code of the refusal that failed the transfer */
    public record Failure(String reasonCode, String reason) {
    }
}
