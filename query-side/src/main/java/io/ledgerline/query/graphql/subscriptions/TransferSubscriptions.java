package io.ledgerline.query.graphql.subscriptions;

import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.security.ReadAccess;
import io.ledgerline.query.transfers.TransferView;
import io.ledgerline.query.transfers.TransferViews;
import io.ledgerline.support.text.TextRules;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * {@code transferSettled}: the transfer once it completed or failed, at once if it has, then the subscription
 * completes. A customer follows transfers from or to their own accounts; as the payee they see a failure's
 * reason as REST shows it to them. Any other transfer is NOT_FOUND, like an unknown one.
 */
@Controller
class TransferSubscriptions {

    private static final Set<String> SETTLED = Set.of("COMPLETED", "FAILED");

    private final TransferViews transfers;
    private final AccountViewRepository accounts;
    private final LiveReads reads;
    private final LiveSubscriptions subscriptions;

    TransferSubscriptions(TransferViews transfers, AccountViewRepository accounts, LiveReads reads,
            LiveSubscriptions subscriptions) {
        this.transfers = transfers;
        this.accounts = accounts;
        this.reads = reads;
        this.subscriptions = subscriptions;
    }

    @SubscriptionMapping
    Flux<TransferView> transferSettled(@Argument String transferId) {
        Function<TransferView, Optional<TransferView>> asSeen;
        try {
            asSeen = asSeenBy(ReadAccess.onlyCustomer(), transferId);
        } catch (ApiException refused) {
            // ends the subscription with its code, as every other end of one (SubscriptionErrors)
            return Flux.error(refused);
        }
        return subscriptions.bounded(reads.follow(LiveReads.TRANSFER, transferId, () -> transfers.find(transferId))
                .filter(transfer -> SETTLED.contains(transfer.status()))
                .next()
                .flatMapMany(settled -> Flux.fromStream(asSeen.apply(settled).stream())));
    }

    /** Decided once, at subscription: the accounts of a transfer never change hands. */
    private Function<TransferView, Optional<TransferView>> asSeenBy(Optional<String> onlyCustomer, String transferId) {
        Optional<TransferView> known = TextRules.isWellFormedId(transferId) ? transfers.find(transferId) : Optional.empty();
        if (known.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "No transfer of that id is known to the query side");
        }
        if (onlyCustomer.isEmpty() || owns(onlyCustomer, known.get().fromAccountId())) {
            return Optional::of;
        }
        if (owns(onlyCustomer, known.get().toAccountId())) {
            return transfer -> Optional.of(transfer.asSeenByThePayee());
        }
        throw new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "No transfer of that id is known to the query side");
    }

    private boolean owns(Optional<String> onlyCustomer, String accountId) {
        return accounts.findById(accountId).filter(account -> ReadAccess.visible(onlyCustomer, account.customerId()))
                .isPresent();
    }
}
