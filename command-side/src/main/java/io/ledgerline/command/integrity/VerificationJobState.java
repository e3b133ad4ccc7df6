package io.ledgerline.command.integrity;

public enum VerificationJobState {
    /** Its node is verifying the range and beating. */
    RUNNING,
    /** Verified: the report says what was found, breaks included. */
    COMPLETED,
    /** The verification could not read the range to its end (the error says why); nothing was concluded. */
    FAILED,
    /** Its node stopped beating before it ended (it died or was stopped); start another. */
    ABANDONED
}
