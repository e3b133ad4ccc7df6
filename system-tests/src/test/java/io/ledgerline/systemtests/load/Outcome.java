package io.ledgerline.systemtests.load;

/** How the command side answered one request. */
public enum Outcome {
    /** 2xx: the command is in the event store. */
    ACCEPTED,
    /** 4xx: nothing changed. */
    REFUSED,
    /** 503 with a problem code: a store the command needs is down; allowed only while one is. */
    UNAVAILABLE,
    /** Any other 5xx: always a bug. */
    SERVER_ERROR,
    /** No HTTP answer (connection refused or reset, timeout): expected only while a node is down. */
    NO_ANSWER;

    public static Outcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return ACCEPTED;
        }
        if (status >= 400 && status < 500) {
            return REFUSED;
        }
        return status == 503 ? UNAVAILABLE : SERVER_ERROR;
    }
}
