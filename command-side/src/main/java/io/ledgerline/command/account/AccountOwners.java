package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import java.util.Optional;

/** Who owns an account: what the API asks before a customer may touch one. */
public interface AccountOwners {

    /** The customer who owns the account, or empty when no account is known under the id. */
    Optional<CustomerId> ownerOf(AccountId accountId);
}
