package io.ledgerline.peer.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An account as Axon's guides write one: event sourced from the JPA store on every command, no snapshots, no
 * cache. "Account open" needs no check of its own: a deposit to an account never opened finds no events, and
 * Axon's repository refuses it before this class is involved.
 */
@Aggregate
public class Account {

    @AggregateIdentifier
    private String accountId;
    private String currency;
    private BigDecimal balance;

    protected Account() {
        // Axon rebuilds the account from its events
    }

    @CommandHandler
    public Account(OpenAccountCommand command) {
        apply(new AccountOpened(command.accountId(), command.currency()));
    }

    @CommandHandler
    public void deposit(DepositMoneyCommand command) {
        if (command.amount().signum() <= 0) {
            throw new NonPositiveAmount(command.amount());
        }
        apply(new MoneyDeposited(accountId, command.amount(), currency));
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
        currency = event.currency();
        balance = BigDecimal.ZERO;
    }

    @EventSourcingHandler
    void on(MoneyDeposited event) {
        balance = balance.add(event.amount());
    }
}
