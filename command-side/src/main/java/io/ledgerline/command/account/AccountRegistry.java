package io.ledgerline.command.account;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import java.util.Currency;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The command side's table of accounts, written in the transaction that appends AccountOpened. */
@Component
@ProcessingGroup(AccountRegistry.PROCESSING_GROUP)
class AccountRegistry implements AccountDirectory {

    static final String PROCESSING_GROUP = "account-registry";

    private final JdbcTemplate jdbc;

    AccountRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Currency> currencyOf(AccountId accountId) {
        return jdbc.query("SELECT currency FROM account_registry WHERE account_id = ?",
                (row, index) -> Currency.getInstance(row.getString("currency")), accountId.value()).stream().findFirst();
    }

    @EventHandler
    void on(AccountOpened event) {
        jdbc.update("INSERT INTO account_registry (account_id, customer_id, currency) VALUES (?, ?, ?)",
                event.accountId().value(), event.customerId().value(), event.currency().getCurrencyCode());
    }
}
