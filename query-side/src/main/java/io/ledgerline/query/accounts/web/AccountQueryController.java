package io.ledgerline.query.accounts.web;

import io.ledgerline.query.accounts.AccountView;
import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.accounts.StatementLines;
import io.ledgerline.query.consistency.ReadYourWrites;
import io.ledgerline.query.security.ReadAccess;
import io.ledgerline.query.web.PageResponse;
import io.ledgerline.query.web.Paging;
import io.ledgerline.query.web.QueryInstants;
import io.ledgerline.support.security.Caller;
import io.ledgerline.support.text.TextRules;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping(path = "/api/accounts", produces = "application/json")
@Tag(name = "Accounts", description = "Accounts and their statements as projected from the ledger's events")
public class AccountQueryController {

    private final AccountViewRepository accounts;
    private final StatementLines statements;
    private final ReadYourWrites readYourWrites;
    private final AccountLiveUpdates liveUpdates;

    AccountQueryController(AccountViewRepository accounts, StatementLines statements, ReadYourWrites readYourWrites,
            AccountLiveUpdates liveUpdates) {
        this.accounts = accounts;
        this.statements = statements;
        this.readYourWrites = readYourWrites;
        this.liveUpdates = liveUpdates;
    }

    @GetMapping("/{accountId}")
    @Operation(summary = "Read one account",
            description = "With minVersion, waits (5 s by default) until the read model holds at least that version: "
                    + "pass the version a command answered to read your own write.")
    @ApiResponse(responseCode = "200", description = "The account; the ETag is its version")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such account has been projected")
    @ApiResponse(responseCode = "409", description = "VERSION_NOT_YET_PROJECTED: minVersion was not reached in time")
    @ApiResponse(responseCode = "429", description = "TOO_MANY_WAITS: the caller holds as many version waits as it may")
    @ApiResponse(responseCode = "503", description = "TOO_MANY_WAITS: this node holds as many version waits as it may")
    public CompletableFuture<ResponseEntity<AccountResponse>> account(@PathVariable String accountId,
            @Parameter(description = "The least version to answer with") @RequestParam(required = false) Long minVersion) {
        Optional<String> onlyCustomer = ReadAccess.onlyCustomer();
        if (onlyCustomer.isEmpty()) {
            return readYourWrites.read("account", accountId, minVersion, () -> accounts.versionOf(accountId),
                    () -> accounts.findById(accountId).map(AccountResponse::of), AccountResponse::version);
        }
        // another customer's account is as unknown as one never opened: it waits and answers the same
        Supplier<Optional<AccountView>> own = () -> accounts.findById(accountId)
                .filter(found -> ReadAccess.visible(onlyCustomer, found.customerId()));
        return readYourWrites.read("account", accountId, minVersion,
                () -> own.get().map(found -> OptionalLong.of(found.version())).orElse(OptionalLong.empty()),
                () -> own.get().map(AccountResponse::of), AccountResponse::version);
    }

    @GetMapping
    @Operation(summary = "List accounts, by customer and status")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST: a malformed customer id or status, or page "
            + "and size out of range")
    public PageResponse<AccountResponse> accounts(
            @RequestParam(required = false) @Pattern(regexp = TextRules.ID_PATTERN) String customerId,
            @RequestParam(required = false) @Pattern(regexp = "OPEN|FROZEN|CLOSED") String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "1 to 100; page and size reach at most 10,000 accounts deep")
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_PAGE_SIZE) int size) {
        Paging.offset(page, size);
        // a customer lists their own accounts, whichever customer the request names
        String customer = ReadAccess.onlyCustomer().orElse(customerId);
        Page<AccountResponse> found = accounts.search(customer, status,
                PageRequest.of(page, size, Sort.by("openedAt").descending().and(Sort.by("accountId"))))
                .map(AccountResponse::of);
        return new PageResponse<>(found.getContent(), page, size, found.getTotalElements());
    }

    @GetMapping("/{accountId}/transactions")
    @Operation(summary = "The account's statement, newest first",
            description = "Lines are ordered by their place in the account's history, so paging is stable.")
    @ApiResponse(responseCode = "200", description = "One page of the account's statement lines")
    @ApiResponse(responseCode = "400", description = "INVALID_REQUEST")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    public PageResponse<StatementLineResponse> transactions(@PathVariable String accountId,
            @Parameter(description = "From this instant, inclusive (ISO-8601)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @Parameter(description = "Until this instant, exclusive (ISO-8601)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "1 to 100; page and size reach at most 10,000 lines deep")
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paging.MAX_PAGE_SIZE) int size) {
        Paging.offset(page, size);
        QueryInstants.within("from", from);
        QueryInstants.within("to", to);
        requireAccount(accountId);
        return new PageResponse<>(statements.page(accountId, from, to, page, size).stream()
                .map(StatementLineResponse::of).toList(), page, size, statements.count(accountId, from, to));
    }

    @GetMapping(path = "/{accountId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live updates of the account as server-sent events",
            description = "Sends the account (event name 'account') now and after every projected change. The "
                    + "stream ends when the token expires, or when the client reads too slowly, with a last event "
                    + "'reconnect' whose reason is TOKEN_EXPIRED, TOO_SLOW or SHUTTING_DOWN.")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    @ApiResponse(responseCode = "429",
            description = "TOO_MANY_STREAMS: the caller holds as many streams as it may (5 by default)")
    @ApiResponse(responseCode = "503", description = "TOO_MANY_STREAMS: this node holds as many streams as it may")
    public SseEmitter events(@PathVariable String accountId) {
        requireAccount(accountId);
        return liveUpdates.subscribe(accountId, Caller.required().subject(), tokenExpiry());
    }

    /** When the request's token expires: a stream outliving it would go on serving a caller no longer known. */
    private static Optional<Instant> tokenExpiry() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? Optional.ofNullable(token.getToken().getExpiresAt()) : Optional.empty();
    }

    /** Another customer's account is answered exactly like an unknown one. */
    private void requireAccount(String accountId) {
        // an id of a form never issued is unknown without asking the database
        if (!TextRules.isWellFormedId(accountId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "No account of that id is known to the query side");
        }
        Optional<String> onlyCustomer = ReadAccess.onlyCustomer();
        boolean known = onlyCustomer.isEmpty() ? accounts.versionOf(accountId).isPresent()
                : accounts.findById(accountId).filter(found -> ReadAccess.visible(onlyCustomer, found.customerId())).isPresent();
        if (!known) {
            throw new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                    "No account " + accountId + " is known to the query side");
        }
    }
}
