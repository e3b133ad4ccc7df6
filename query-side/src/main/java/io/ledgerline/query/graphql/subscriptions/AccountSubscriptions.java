package io.ledgerline.query.graphql.subscriptions;

import io.ledgerline.query.accounts.AccountViewRepository;
import io.ledgerline.query.accounts.VisibleAccounts;
import io.ledgerline.query.graphql.AccountNode;
import io.ledgerline.support.web.ApiException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** {@code accountUpdated}: the account now, then after every projected change, as the SSE stream sends it. */
@Controller
class AccountSubscriptions {

    private final VisibleAccounts visibleAccounts;
    private final AccountViewRepository accounts;
    private final LiveReads reads;
    private final LiveSubscriptions subscriptions;

    AccountSubscriptions(VisibleAccounts visibleAccounts, AccountViewRepository accounts, LiveReads reads,
            LiveSubscriptions subscriptions) {
        this.visibleAccounts = visibleAccounts;
        this.accounts = accounts;
        this.reads = reads;
        this.subscriptions = subscriptions;
    }

    @SubscriptionMapping
    Flux<AccountNode> accountUpdated(@Argument String accountId) {
        try {
            // another customer's account is as unknown as one never opened: NOT_FOUND
            visibleAccounts.require(accountId);
        } catch (ApiException refused) {
            // ends the subscription with its code, as every other end of one (SubscriptionErrors)
            return Flux.error(refused);
        }
        Versions versions = new Versions();
        return subscriptions.bounded(reads.follow(LiveReads.ACCOUNT, accountId,
                        () -> accounts.findById(accountId).map(AccountNode::of))
                .filter(account -> versions.newer(account.version())));
    }

    /**
     * The state read at subscription and a change's read can arrive in either order: an older version than
     * one sent already is left out, so a client never sees an account go back.
     */
    private static final class Versions {

        private long sent = -1;

        synchronized boolean newer(long version) {
            if (version <= sent) {
                return false;
            }
            sent = version;
            return true;
        }
    }
}
