package io.ledgerline.query.consistency;

import java.time.Duration;
import java.util.OptionalLong;

/** The read model did not reach the requested version within the bound. */
public class VersionNotYetProjected extends RuntimeException {

    public static final String CODE = "VERSION_NOT_YET_PROJECTED";

    private final long requestedVersion;
    private final Long projectedVersion;

    VersionNotYetProjected(String what, String id, long requestedVersion, OptionalLong projectedVersion, Duration waited) {
        super("The " + what + " " + id + " is not projected at version " + requestedVersion + " yet (waited "
                + waited.toMillis() + " ms); retry shortly");
        this.requestedVersion = requestedVersion;
        this.projectedVersion = projectedVersion.isPresent() ? projectedVersion.getAsLong() : null;
    }

    public long requestedVersion() {
        return requestedVersion;
    }

    /** The version the read model holds, or null when it holds nothing of the aggregate yet. */
    public Long projectedVersion() {
        return projectedVersion;
    }
}
