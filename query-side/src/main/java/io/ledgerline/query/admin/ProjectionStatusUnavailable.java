package io.ledgerline.query.admin;

/** Kafka did not answer in time, so positions and lags cannot be told. */
public class ProjectionStatusUnavailable extends Exception {

    ProjectionStatusUnavailable(Throwable cause) {
        super("Kafka did not report the projections' positions: " + cause.getMessage(), cause);
    }
}
