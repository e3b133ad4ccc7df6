package io.ledgerline.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.infrastructure.idempotency.CustomerScoped;
import io.ledgerline.command.infrastructure.idempotency.IdempotencyKeys;
import io.ledgerline.command.infrastructure.idempotency.IdempotencyKeys.KeyAlreadyClaimed;
import io.ledgerline.command.infrastructure.idempotency.StoredResponse;
import io.ledgerline.command.infrastructure.metadata.MetadataKeys;
import io.ledgerline.command.infrastructure.metadata.RequestOrigin;
import io.ledgerline.support.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Runs a REST command in one database transaction that Axon's unit of work joins, together with
 * its idempotency key, so the key is stored exactly when the command's events are.
 *
 * <p>A command that lost a race for its aggregate (another one appended the same sequence number
 * first) is run again on the newer state, a few times, before it is answered 409. An If-Match
 * version travels inside the command, so such a retry cannot overwrite a change the caller has
 * not seen.
 *
 * <p>A command on an existing aggregate first waits for its turn in the {@link AggregateQueue}, and
 * every command for its admission by {@link CommandAdmission}, before its transaction takes a
 * database connection (see there why).
 */
@Component
public class CommandExecutor {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String INVALID_IDEMPOTENCY_KEY = "INVALID_IDEMPOTENCY_KEY";

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final TransactionTemplate transaction;
    private final IdempotencyKeys keys;
    private final ObjectMapper json;
    private final AggregateQueue queue;
    private final CommandAdmission admission;

    CommandExecutor(PlatformTransactionManager transactionManager, IdempotencyKeys keys, ObjectMapper json,
            AggregateQueue queue, CommandAdmission admission) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.keys = keys;
        this.json = json;
        this.queue = queue;
        this.admission = admission;
    }

    /**
     * @param body    the bound request body (null when there is none); with method and path it
     *                identifies the request an idempotency key stands for
     * @param command sends the command and builds the response
     */
    public <T> ResponseEntity<T> execute(HttpServletRequest request, Object body, Class<T> responseType,
            Supplier<ResponseEntity<T>> command) {
        return execute(request, body, responseType, () -> null, command);
    }

    /**
     * For a request whose body carries a customer's personal data though its answer names no
     * customer (the free text of a booking or transfer): the hash of the request, kept with its
     * idempotency key, is removed by that customer's erasure like the customer's own requests'.
     *
     * @param personOfTheBody the customer whose personal data the body carries, or null; asked only
     *                        for a request with an idempotency key
     */
    public <T> ResponseEntity<T> execute(HttpServletRequest request, Object body, Class<T> responseType,
            Supplier<String> personOfTheBody, Supplier<ResponseEntity<T>> command) {
        String caller = RequestOrigin.current().map(RequestOrigin::user).orElse(MetadataKeys.ANONYMOUS);
        String key = idempotencyKey(request);
        String requestHash = key == null ? null : requestHash(request, body);
        Supplier<ResponseEntity<T>> admitted = () -> admission.admitted(
                () -> attempts(caller, key, requestHash, responseType, personOfTheBody, command));
        Optional<String> aggregateId = aggregateOf(request);
        // the aggregate's turn first: a command waiting behind its account holds no admission either
        return aggregateId.isEmpty() ? admitted.get() : queue.inTurn(aggregateId.get(), admitted);
    }

    private <T> ResponseEntity<T> attempts(String caller, String key, String requestHash, Class<T> responseType,
            Supplier<String> personOfTheBody, Supplier<ResponseEntity<T>> command) {
        ConcurrencyException lastConflict = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (key != null) {
                Optional<StoredResponse> earlier = keys.find(caller, key);
                if (earlier.isPresent()) {
                    return replay(earlier.get(), requestHash, responseType);
                }
            }
            try {
                return transaction.execute(status -> run(caller, key, requestHash, personOfTheBody, command));
            } catch (KeyAlreadyClaimed concurrentDuplicate) {
                // the first request under the key committed meanwhile; the next round answers as it did
            } catch (ConcurrencyException conflict) {
                log.debug("Attempt {} of a command lost a race for its aggregate; retrying on the newer state", attempt);
                lastConflict = conflict;
                backOff(attempt);
            }
        }
        throw lastConflict != null ? lastConflict
                : new ConcurrencyException("Idempotency key " + key + " stayed contended");
    }

    private <T> ResponseEntity<T> run(String caller, String key, String requestHash, Supplier<String> personOfTheBody,
            Supplier<ResponseEntity<T>> command) {
        if (key != null) {
            keys.claim(caller, key, requestHash);
        }
        ResponseEntity<T> response = command.get();
        if (key != null) {
            HttpHeaders headers = response.getHeaders();
            keys.complete(caller, key, response.getStatusCode().value(), toJson(response.getBody()),
                    headers.getLocation() == null ? null : headers.getLocation().toString(), headers.getETag(),
                    response.getBody() instanceof CustomerScoped aboutCustomer ? aboutCustomer.customerId()
                            : personOfTheBody.get());
        }
        return response;
    }

    private <T> ResponseEntity<T> replay(StoredResponse earlier, String requestHash, Class<T> responseType) {
        // an erased customer's request lost its hash: the key still answers as it did, but cannot tell another body
        if (earlier.requestHash() != null && !earlier.requestHash().equals(requestHash)) {
            throw new ApiException(HttpStatus.CONFLICT, IDEMPOTENCY_KEY_REUSED,
                    "The idempotency key was already used for a different request");
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(earlier.status()).header(REPLAYED, "true");
        if (earlier.location() != null) {
            response.location(URI.create(earlier.location()));
        }
        if (earlier.etag() != null) {
            response.eTag(earlier.etag());
        }
        return response.body(fromJson(earlier.body(), responseType));
    }

    /**
     * The aggregate a command on an existing one is addressed to, named by the path's id
     * ({@code /api/accounts/{accountId}/deposits}); a command creating an aggregate has none.
     */
    private static Optional<String> aggregateOf(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        return map.entrySet().stream().filter(variable -> variable.getKey().toString().endsWith("Id"))
                .map(variable -> variable.getValue().toString()).findFirst();
    }

    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key != null && !VALID_KEY.matcher(key).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, INVALID_IDEMPOTENCY_KEY,
                    "An idempotency key is 1 to 255 visible ASCII characters");
        }
        return key;
    }

    /** Method, path and the body as bound, so whitespace and the order of its fields do not count. */
    private String requestHash(HttpServletRequest request, Object body) {
        String canonical = request.getMethod() + " " + request.getRequestURI() + "\n" + toJson(body);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A command request or response could not be written as JSON", e);
        }
    }

    private <T> T fromJson(String body, Class<T> type) {
        try {
            return body == null ? null : json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored command response could not be read", e);
        }
    }

    /** Spreads the retries of commands that collided, so they do not collide again in lockstep. */
    private static void backOff(int attempt) {
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ConcurrencyException("Interrupted while waiting to retry a conflicting command", interrupted);
        }
    }
}
