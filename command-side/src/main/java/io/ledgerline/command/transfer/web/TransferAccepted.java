package io.ledgerline.command.transfer.web;

/** A transfer was requested; its outcome is read on the query side. */
public record TransferAccepted(String transferId) {
}
