package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerId;
import java.util.Currency;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The command side's table of accounts, written in the transaction that appends AccountOpened. */
@Component
@ProcessingGroup(AccountRegistry.PROCESSING_GROUP)
class AccountRegistry implements AccountDirectory, AccountOwners {

    static final String PROCESSING_GROUP = "account-registry";

    private static final int KNOWN_CURRENCIES = 50_000;

    private final JdbcTemplate jdbc;
    /** Saves every command on an account a registry query of its own before the command's transaction. */
    private final KnownCurrencies known = new KnownCurrencies(KNOWN_CURRENCIES);

    AccountRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Currency> currencyOf(AccountId accountId) {
        Optional<Currency> remembered = known.of(accountId.value());
        if (remembered.isPresent()) {
            return remembered;
        }
        Optional<Currency> currency = jdbc.query("SELECT currency FROM account_registry WHERE account_id = ?",
                (row, index) -> Currency.getInstance(row.getString("currency")), accountId.value()).stream().findFirst();
        // inside a transaction the row may be the transaction's own, not yet committed and still able to roll back
        if (currency.isPresent() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            known.remember(accountId.value(), currency.get());
        }
        return currency;
    }

    /** Asked only for callers limited to their own accounts, so it reads the table each time rather than caching. */
    @Override
    public Optional<CustomerId> ownerOf(AccountId accountId) {
        return jdbc.query("SELECT customer_id FROM account_registry WHERE account_id = ?",
                (row, index) -> CustomerId.of(row.getString("customer_id")), accountId.value()).stream().findFirst();
    }

    @EventHandler
    void on(AccountOpened event) {
        jdbc.update("INSERT INTO account_registry (account_id, customer_id, currency) VALUES (?, ?, ?)",
                event.accountId().value(), event.customerId().value(), event.currency().getCurrencyCode());
    }
}
