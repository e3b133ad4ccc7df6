package io.ledgerline.command.infrastructure.republish;

import io.ledgerline.support.web.ApiException;
import org.springframework.http.HttpStatus;

/** Two republications at once would only double Kafka's load; the running one covers what the second would. */
public class RepublishAlreadyRunning extends ApiException {

    public static final String CODE = "REPUBLISH_RUNNING";

    RepublishAlreadyRunning(String runningId) {
        super(HttpStatus.CONFLICT, CODE, "Republication " + runningId + " is still running; wait for it to finish");
    }
}
