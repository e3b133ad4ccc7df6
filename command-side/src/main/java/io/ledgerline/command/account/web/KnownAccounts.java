package io.ledgerline.command.account.web;

import io.ledgerline.command.account.AccountDirectory;
import io.ledgerline.command.web.UnknownResource;
import io.ledgerline.events.AccountId;
import io.ledgerline.support.text.TextRules;
import org.springframework.stereotype.Component;

/**
 * Resolves an account id of a path. The event store would load any aggregate's events under an id,
 * so an id of a customer or a transfer must be refused here as unknown, not handed to Account.
 */
@Component
class KnownAccounts {

    private final AccountDirectory accounts;

    KnownAccounts(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    AccountId require(String id) {
        if (!TextRules.isWellFormedId(id)) {
            throw new UnknownResource("account", id);
        }
        AccountId accountId = AccountId.of(id);
        if (accounts.currencyOf(accountId).isEmpty()) {
            throw new UnknownResource("account", id);
        }
        return accountId;
    }
}
