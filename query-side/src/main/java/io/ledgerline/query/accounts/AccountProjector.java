package io.ledgerline.query.accounts;

import io.ledgerline.events.AccountClosed;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.AccountUnfrozen;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.OverdraftLimitChanged;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferDebitSettled;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.projection.SqlProjector;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code account_view}. Balance-changing events carry the resulting balance, so a row is
 * set rather than added to, and only when the event is newer than the row.
 */
@Component
class AccountProjector implements SqlProjector {

    private final JdbcClient jdbc;

    AccountProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(ReceivedEvent event) {
        if (event.payload() instanceof AccountOpened opened) {
            open(opened, event);
        } else if (event.payload() instanceof MoneyDeposited deposited) {
            balance(deposited.balance(), event);
        } else if (event.payload() instanceof MoneyWithdrawn withdrawn) {
            balance(withdrawn.balance(), event);
        } else if (event.payload() instanceof AccountDebitedForTransfer debited) {
            balance(debited.balance(), event);
        } else if (event.payload() instanceof AccountCreditedForTransfer credited) {
            balance(credited.balance(), event);
        } else if (event.payload() instanceof TransferDebitReversed reversed) {
            balance(reversed.balance(), event);
        } else if (event.payload() instanceof TransferDebitSettled) {
            touch(event);
        } else if (event.payload() instanceof AccountFrozen) {
            status("FROZEN", event);
        } else if (event.payload() instanceof AccountUnfrozen) {
            status("OPEN", event);
        } else if (event.payload() instanceof AccountClosed) {
            status("CLOSED", event);
        } else if (event.payload() instanceof OverdraftLimitChanged changed) {
            overdraftLimit(changed.overdraftLimit(), event);
        }
    }

    private void open(AccountOpened opened, ReceivedEvent event) {
        Money zero = Money.zero(opened.currency());
        jdbc.sql("""
                INSERT INTO account_view (account_id, customer_id, owner_name, currency, balance, available_balance,
                                          overdraft_limit, status, version, opened_at, updated_at)
                VALUES (:accountId, :customerId,
                        (SELECT name FROM customer_view WHERE customer_id = :customerId AND status = 'ACTIVE'),
                        :currency, :balance, :available, :overdraftLimit, 'OPEN', :version, :at, :at)
                ON CONFLICT (account_id) DO NOTHING
                """)
                .param("accountId", opened.accountId().value())
                .param("customerId", opened.customerId().value())
                .param("currency", opened.currency().getCurrencyCode())
                .param("balance", zero.amount())
                .param("available", zero.plus(opened.overdraftLimit()).amount())
                .param("overdraftLimit", opened.overdraftLimit().amount())
                .param("version", event.sequence())
                .param("at", at(event))
                .update();
    }

    private void balance(Money balance, ReceivedEvent event) {
        update("balance = :balance, available_balance = :balance + overdraft_limit", event)
                .param("balance", balance.amount())
                .update();
    }

    private void status(String status, ReceivedEvent event) {
        update("status = :status", event).param("status", status).update();
    }

    private void overdraftLimit(Money limit, ReceivedEvent event) {
        update("overdraft_limit = :limit, available_balance = balance + :limit", event)
                .param("limit", limit.amount())
                .update();
    }

    private void touch(ReceivedEvent event) {
        update("", event).update();
    }

    /** Every change moves the row to the event's version; the assignments are what else changes. */
    private JdbcClient.StatementSpec update(String assignments, ReceivedEvent event) {
        String changes = assignments.isEmpty() ? "" : assignments + ", ";
        return jdbc.sql("UPDATE account_view SET " + changes + "version = :version, updated_at = :at "
                        + "WHERE account_id = :accountId AND version < :version")
                .param("accountId", event.aggregateId())
                .param("version", event.sequence())
                .param("at", at(event));
    }

    private static Timestamp at(ReceivedEvent event) {
        return Timestamp.from(event.timestamp());
    }
}
