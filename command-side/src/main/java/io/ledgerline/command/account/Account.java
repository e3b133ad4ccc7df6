package io.ledgerline.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.Money;
import java.math.BigDecimal;
import java.util.Currency;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An account in one currency: the consistency boundary for its balance. */
@Aggregate
public class Account {

    @AggregateIdentifier
    private AccountId accountId;
    private Currency currency;
    private Money balance;
    private Money overdraftLimit;

    protected Account() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Account(OpenAccountCommand command) {
        Currency currency = command.currency();
        if (!SupportedCurrencies.isSupported(currency)) {
            throw new UnsupportedCurrency(currency);
        }
        BigDecimal limit = command.overdraftLimit() == null ? BigDecimal.ZERO : command.overdraftLimit();
        if (limit.signum() < 0) {
            throw new InvalidOverdraftLimit(limit, "it cannot be negative");
        }
        if (!Money.fitsMinorUnits(limit, currency)) {
            throw new InvalidOverdraftLimit(limit, "it has more decimals than " + currency + " allows");
        }
        apply(new AccountOpened(command.accountId(), command.customerId(), currency, new Money(limit, currency)));
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
        currency = event.currency();
        balance = Money.zero(event.currency());
        overdraftLimit = event.overdraftLimit();
    }
}
