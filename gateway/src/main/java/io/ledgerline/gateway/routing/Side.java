package io.ledgerline.gateway.routing;

/** The two services behind the gateway; the service id names the side's instance list and circuit breaker. */
public enum Side {

    COMMAND("command-side"),
    QUERY("query-side");

    private final String serviceId;

    Side(String serviceId) {
        this.serviceId = serviceId;
    }

    public String serviceId() {
        return serviceId;
    }
}
