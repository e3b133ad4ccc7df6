package io.ledgerline.query.graphql.subscriptions;

/** Why the server ended a subscription: its last message is an error with this code. */
final class SubscriptionEnded extends RuntimeException {

    static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    static final String TOO_SLOW = "TOO_SLOW";
    static final String SHUTTING_DOWN = "SHUTTING_DOWN";

    private final String code;

    SubscriptionEnded(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
