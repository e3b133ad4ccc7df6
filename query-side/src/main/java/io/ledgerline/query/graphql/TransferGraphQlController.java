package io.ledgerline.query.graphql;

import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.consistency.ReadYourWrites;
import io.ledgerline.query.security.ReadAccess;
import io.ledgerline.query.transfers.TransferView;
import io.ledgerline.query.transfers.TransferViews;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.http.HttpEntity;
import org.springframework.stereotype.Controller;

/** Transfers, read and awaited as REST's GET /api/transfers/{id} reads and awaits them. */
@Controller
class TransferGraphQlController {

    /** A transfer's outcome (completed or failed) is always at least its second event. */
    private static final long OUTCOME_VERSION = 1;

    private final TransferViews transfers;
    private final AccountViewRepository accounts;
    private final ReadYourWrites readYourWrites;

    TransferGraphQlController(TransferViews transfers, AccountViewRepository accounts, ReadYourWrites readYourWrites) {
        this.transfers = transfers;
        this.accounts = accounts;
        this.readYourWrites = readYourWrites;
    }

    @QueryMapping
    CompletableFuture<TransferView> transfer(@Argument String id, @Argument Boolean awaitOutcome) {
        Long least = Boolean.TRUE.equals(awaitOutcome) ? Long.valueOf(OUTCOME_VERSION) : null;
        Optional<String> onlyCustomer = ReadAccess.onlyCustomer();
        if (onlyCustomer.isEmpty()) {
            return readYourWrites.read("transfer", id, least, () -> transfers.versionOf(id), () -> transfers.find(id),
                    TransferView::version).thenApply(HttpEntity::getBody);
        }
        // a customer sees a transfer from or to one of their accounts; any other is as unknown as one never requested
        Supplier<Optional<TransferView>> visible = () -> transfers.find(id).flatMap(found -> {
            if (ownedBy(onlyCustomer, found.fromAccountId())) {
                return Optional.of(found);
            }
            return ownedBy(onlyCustomer, found.toAccountId()) ? Optional.of(found.asSeenByThePayee()) : Optional.empty();
        });
        return readYourWrites.read("transfer", id, least,
                () -> visible.get().map(found -> OptionalLong.of(found.version())).orElse(OptionalLong.empty()),
                visible, TransferView::version).thenApply(HttpEntity::getBody);
    }

    @SchemaMapping(typeName = "Transfer", field = "id")
    String id(TransferView transfer) {
        return transfer.transferId();
    }

    private boolean ownedBy(Optional<String> onlyCustomer, String accountId) {
        return accounts.findById(accountId).filter(account -> ReadAccess.visible(onlyCustomer, account.customerId()))
                .isPresent();
    }
}
