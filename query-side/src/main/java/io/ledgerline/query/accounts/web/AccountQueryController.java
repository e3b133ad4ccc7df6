package io.ledgerline.query.accounts.web;

import io.ledgerline.query.accounts.AccountView;
import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.accounts.VisibleAccounts;
import io.ledgerline.query.consistency.ReadYourWrites;
import io.ledgerline.query.security.ReadAccess;
import io.ledgerline.query.web.PageResponse;
import io.ledgerline.query.web.Paging;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.query.web.RefusedWith;
import io.ledgerline.support.security.Caller;
import io.ledgerline.support.text.TextRules;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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
    private final VisibleAccounts visibleAccounts;
    private final ReadYourWrites readYourWrites;
    private final AccountLiveUpdates liveUpdates;

    AccountQueryController(AccountViewRepository accounts, VisibleAccounts visibleAccounts, ReadYourWrites readYourWrites,
            AccountLiveUpdates liveUpdates) {
        this.accounts = accounts;
        this.visibleAccounts = visibleAccounts;
        this.readYourWrites = readYourWrites;
        this.liveUpdates = liveUpdates;
    }

    @GetMapping("/{accountId}")
    @Operation(summary = "Read one account",
            description = "With minVersion, waits (5 s by default) until the read model holds at least that version: "
                    + "pass the version a command answered to read your own write.")
    @ApiResponse(responseCode = "200", description = "The account; the ETag is its version")
    @RefusedWith({ErrorCodes.NOT_FOUND, QueryErrors.VERSION_NOT_YET_PROJECTED, QueryErrors.TOO_MANY_WAITS})
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
    @Operation(summary = "List accounts, by customer and status",
            description = "Newest first. A customer lists their own accounts, whichever customer the request names.")
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

    @GetMapping(path = "/{accountId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live updates of the account as server-sent events",
            description = "Sends the account (event name 'account') now and after every projected change. The "
                    + "stream ends when the token expires, or when the client reads too slowly, with a last event "
                    + "'reconnect' whose reason is TOKEN_EXPIRED, TOO_SLOW or SHUTTING_DOWN.")
    @ApiResponse(responseCode = "200", description = "The stream of the account's updates",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
                    description = "Server-sent events: 'account' with an Account as JSON data, lastly 'reconnect'")))
    @RefusedWith({ErrorCodes.NOT_FOUND, QueryErrors.TOO_MANY_STREAMS})
    public SseEmitter events(@PathVariable String accountId) {
        visibleAccounts.require(accountId);
        return liveUpdates.subscribe(accountId, Caller.required().subject(), tokenExpiry());
    }

    /** When the request's token expires: a stream outliving it would go on serving a caller no longer known. */
    private static Optional<Instant> tokenExpiry() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? Optional.ofNullable(token.getToken().getExpiresAt()) : Optional.empty();
    }
}
