package io.ledgerline.query.consistency;

import io.ledgerline.support.security.Caller;
import io.ledgerline.support.text.TextRules;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers a read, first waiting (up to a bound) until the read model holds the version the client
 * asked for with {@code minVersion}. Past the bound the answer says the version is not projected
 * yet: a stale read is never presented as current. Waits are bounded in number per caller and per
 * node, since each holds a timer and an open request for up to the bound.
 */
@Component
public class ReadYourWrites {

    public static final String TOO_MANY_WAITS = "TOO_MANY_WAITS";

    private final VersionWaits waits;
    private final Duration bound;
    private final ConcurrencyQuota quota;

    ReadYourWrites(VersionWaits waits, @Value("${ledgerline.read-your-writes.timeout:5s}") Duration bound,
            @Value("${ledgerline.read-your-writes.max-waits-per-subject:128}") int maxPerSubject,
            @Value("${ledgerline.read-your-writes.max-waits:2048}") int maxWaits) {
        this.waits = waits;
        this.bound = bound;
        this.quota = new ConcurrencyQuota(maxPerSubject, maxWaits, TOO_MANY_WAITS, "version waits");
    }

    public <T> CompletableFuture<ResponseEntity<T>> read(String what, String id, Long minVersion,
            Supplier<OptionalLong> projectedVersion, Supplier<Optional<T>> load, ToLongFunction<T> versionOf) {
        if (!TextRules.isWellFormedId(id)) {
            // no id of that form is ever issued: unknown, without asking the database about it
            throw notFound(what, id);
        }
        if (minVersion == null) {
            return CompletableFuture.completedFuture(answer(what, id, load, versionOf));
        }
        if (minVersion < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST, "minVersion cannot be negative");
        }
        ConcurrencyQuota.Permit permit = quota.acquire(Caller.required().subject());
        CompletableFuture<Boolean> waited;
        try {
            waited = waits.await(id, minVersion, bound, projectedVersion);
        } catch (RuntimeException failed) {
            permit.release();
            throw failed;
        }
        waited.whenComplete((reached, failure) -> permit.release());
        return waited.thenApply(reached -> {
            if (!reached) {
                throw new VersionNotYetProjected(what, id, minVersion, projectedVersion.get(), bound);
            }
            return answer(what, id, load, versionOf);
        });
    }

    private static <T> ResponseEntity<T> answer(String what, String id, Supplier<Optional<T>> load,
            ToLongFunction<T> versionOf) {
        T found = load.get().orElseThrow(() -> notFound(what, id));
        return ResponseEntity.ok().eTag("\"" + versionOf.applyAsLong(found) + "\"").body(found);
    }

    private static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "No " + what + " "
                + (TextRules.isWellFormedId(id) ? id : "of that id") + " is known to the query side");
    }
}
