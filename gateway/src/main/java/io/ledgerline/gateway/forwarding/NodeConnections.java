package io.ledgerline.gateway.forwarding;

/**
 * The JDK's settings for the HttpURLConnections that forward requests to the nodes. They are system
 * properties, each read once, when the JDK makes its first such connection, so they are set before it:
 * by {@code GatewayApplication} as its class is initialized and again by the forwarding exchange's, which
 * is what makes the connections (a gateway started in a test does not run {@code main}). A value given
 * on the command line ({@code -D}) is kept.
 */
public final class NodeConnections {

    /**
     * Off, the JDK does not send a POST again by itself when a kept-alive connection turns out closed
     * before the answer's status line: the node may have booked it, and sending it again would book it
     * twice. The exchange streams every POST, with or without a body, and the JDK never sends a streamed
     * request again; this holds should a POST ever be sent unstreamed.
     */
    static final String RETRY_POST = "sun.net.http.retryPost";
    /**
     * The idle connections kept per node (the JDK keeps 5): under 32 clients most requests would
     * otherwise open a new connection and leave it closing behind them.
     */
    static final String IDLE_CONNECTIONS_PER_NODE = "http.maxConnections";

    private NodeConnections() {
    }

    public static void configure() {
        setUnlessGiven(RETRY_POST, "false");
        setUnlessGiven(IDLE_CONNECTIONS_PER_NODE, "256");
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
