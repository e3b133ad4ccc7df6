package io.ledgerline.command.account.web;

import io.ledgerline.command.account.AccountDirectory;
import io.ledgerline.command.web.UnknownResource;
import io.ledgerline.events.AccountId;
import org.springframework.stereotype.Component;

/**
 * Resolves an account id of a path. The event store would load any aggregate's events under an id,
 * so an id of a customer or a transfer must be refused here as unknown, not handed to Account.
 */
@Component
class KnownAccounts {

    private static final int MAX_ID_LENGTH = 100;

    private final AccountDirectory accounts;

    KnownAccounts(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    AccountId require(String id) {
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new UnknownResource("account", id);
        }
        AccountId accountId = AccountId.of(id);
        if (accounts.currencyOf(accountId).isEmpty()) {
            throw new UnknownResource("account", id);
        }
        return accountId;
    }
}
