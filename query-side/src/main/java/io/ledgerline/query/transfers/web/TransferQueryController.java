package io.ledgerline.query.transfers.web;

import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.consistency.ReadYourWrites;
import io.ledgerline.query.security.ReadAccess;
import io.ledgerline.query.transfers.TransferView;
import io.ledgerline.query.transfers.TransferViews;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.query.web.RefusedWith;
import io.ledgerline.support.web.ErrorCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/transfers", produces = "application/json")
@Tag(name = "Transfers", description = "Transfers and their outcome")
public class TransferQueryController {

    /** A transfer's outcome (completed or failed) is always at least its second event. */
    private static final long OUTCOME_VERSION = 1;

    private final TransferViews transfers;
    private final AccountViewRepository accounts;
    private final ReadYourWrites readYourWrites;

    TransferQueryController(TransferViews transfers, AccountViewRepository accounts, ReadYourWrites readYourWrites) {
        this.transfers = transfers;
        this.accounts = accounts;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/{transferId}")
    @Operation(summary = "Read one transfer",
            description = "minVersion=0 waits until the transfer is known; awaitOutcome=true waits until it "
                    + "completed or failed (each within the read-your-writes bound, 5 s by default).")
    @ApiResponse(responseCode = "200", description = "The transfer; status REQUESTED, COMPLETED or FAILED")
    @RefusedWith({ErrorCodes.NOT_FOUND, QueryErrors.VERSION_NOT_YET_PROJECTED, QueryErrors.TOO_MANY_WAITS})
    public CompletableFuture<ResponseEntity<TransferView>> transfer(@PathVariable String transferId,
            @Parameter(description = "The least version to answer with") @RequestParam(required = false) Long minVersion,
            @Parameter(description = "Wait for the outcome") @RequestParam(defaultValue = "false") boolean awaitOutcome) {
        Long least = awaitOutcome ? Long.valueOf(Math.max(OUTCOME_VERSION, minVersion == null ? 0 : minVersion))
                : minVersion;
        Optional<String> onlyCustomer = ReadAccess.onlyCustomer();
        if (onlyCustomer.isEmpty()) {
            return readYourWrites.read("transfer", transferId, least, () -> transfers.versionOf(transferId),
                    () -> transfers.find(transferId), TransferView::version);
        }
        // a customer sees a transfer from or to one of their accounts; any other is as unknown as one never requested
        Supplier<Optional<TransferView>> visible = () -> transfers.find(transferId).flatMap(found -> {
            if (ownedBy(onlyCustomer, found.fromAccountId())) {
                return Optional.of(found);
            }
            return ownedBy(onlyCustomer, found.toAccountId()) ? Optional.of(found.asSeenByThePayee()) : Optional.empty();
        });
        return readYourWrites.read("transfer", transferId, least,
                () -> visible.get().map(found -> OptionalLong.of(found.version())).orElse(OptionalLong.empty()),
                visible, TransferView::version);
    }

    private boolean ownedBy(Optional<String> onlyCustomer, String accountId) {
        return accounts.findById(accountId).filter(account -> ReadAccess.visible(onlyCustomer, account.customerId()))
                .isPresent();
    }
}
