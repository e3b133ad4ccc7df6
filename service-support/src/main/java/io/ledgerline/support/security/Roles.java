package io.ledgerline.support.security;

/** The role names a token carries in its roles claim; Spring Security sees them as ROLE_ authorities. */
public final class Roles {

    /**
     * Only their own customer record and accounts: read them and transfer from them. A customer books
     * no deposit or withdrawal: that is money crossing the ledger's boundary, which only staff and the
     * payment system book.
     */
    public static final String CUSTOMER = "CUSTOMER";
    /** Every customer and account operation and every query; no audit, no administration. */
    public static final String TELLER = "TELLER";
    /** The bank's payment system: deposits and withdrawals on any account, nothing else. */
    public static final String PAYMENTS = "PAYMENTS";
    /** Read-only: every query, the audit history, time travel and the audit search. */
    public static final String AUDITOR = "AUDITOR";
    /** Operations: republication, rebuilds, projection status and parked events. */
    public static final String ADMIN = "ADMIN";

    static final String AUTHORITY_PREFIX = "ROLE_";

    private Roles() {
    }
}
