package io.ledgerline.support.security;

/** The role names a token carries in its roles claim; Spring Security sees them as ROLE_ authorities. */
public final class Roles {

    /** Only their own customer record and accounts: read them, deposit, withdraw and transfer from them. */
    public static final String CUSTOMER = "CUSTOMER";
    /** Every customer and account operation and every query; no audit, no administration. */
    public static final String TELLER = "TELLER";
    /** Read-only: every query, the audit history, time travel and the audit search. */
    public static final String AUDITOR = "AUDITOR";
    /** Operations: republication, rebuilds, projection status and parked events. */
    public static final String ADMIN = "ADMIN";

    static final String AUTHORITY_PREFIX = "ROLE_";

    private Roles() {
    }
}
