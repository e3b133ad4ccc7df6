package io.ledgerline.command.account.web;

import io.ledgerline.command.account.AccountDirectory;
import io.ledgerline.command.account.AccountOwners;
import io.ledgerline.command.web.UnknownResource;
import io.ledgerline.events.AccountId;
import io.ledgerline.support.text.TextRules;
import io.ledgerline.events.CustomerId;
import io.ledgerline.support.security.Caller;
import io.ledgerline.support.security.Roles;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Resolves an account id of a path. The event store would load any aggregate's events under an id,
 * so an id of a customer or a transfer must be refused here as unknown, not handed to Account; so
 * is another customer's account when the caller is a customer.
 */
@Component
class KnownAccounts {

    private final AccountDirectory accounts;
    private final AccountOwners owners;

    KnownAccounts(AccountDirectory accounts, AccountOwners owners) {
        this.accounts = accounts;
        this.owners = owners;
    }

    AccountId require(String id) {
        if (!TextRules.isWellFormedId(id)) {
            throw new UnknownResource("account", id);
        }
        AccountId accountId = AccountId.of(id);
        if (accounts.currencyOf(accountId).isEmpty() || !mayTouch(accountId)) {
            throw new UnknownResource("account", id);
        }
        return accountId;
    }

    /** A customer's own accounts only; another customer's account is answered like an unknown one, so none leaks. */
    private boolean mayTouch(AccountId accountId) {
        Optional<String> customer = Caller.required().onlyCustomer(Roles.TELLER, Roles.PAYMENTS);
        return customer.isEmpty() || owners.ownerOf(accountId).map(CustomerId::value).equals(customer);
    }
}
