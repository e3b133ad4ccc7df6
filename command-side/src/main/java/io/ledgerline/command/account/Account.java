package io.ledgerline.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.ledgerline.command.customer.CustomerDirectory;
import io.ledgerline.command.customer.CustomerIsErased;
import io.ledgerline.command.customer.CustomerStanding;
import io.ledgerline.command.customer.PersonalDataVault;
import io.ledgerline.command.customer.PersonalDataVault.FieldText;
import io.ledgerline.command.domain.Amounts;
import io.ledgerline.command.domain.MoneyRange;
import io.ledgerline.events.AccountClosed;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountFrozen;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.AccountUnfrozen;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.OverdraftLimitChanged;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferDebitSettled;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An account in one currency: the consistency boundary for its balance. Command handlers answer
 * the account's version, the sequence number of its last event (opening answers the id; its
 * version is 0). Snapshots are taken by {@code accountSnapshotTrigger} and hold these fields.
 *
 * <p>The free text of a deposit or withdrawal is its owner's personal data: it leaves the aggregate
 * only sealed under the owner's key (see {@link PersonalDataVault}), and not at all once the owner
 * was erased.
 */
@Aggregate(repository = "accountRepository")
// revision 2 keeps the owner: snapshots taken before (no revision) lack it and are skipped, the events replayed
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Account {

    /**
     * How long, in the time of this account's events, a transfer's finished debit or its credit is
     * remembered so that the step delivered again moves no money. Which repeats can come: the
     * transfer saga, the only sender of these steps, sends the debit while handling TransferRequested
     * and the credit while handling AccountDebitedForTransfer, in the transaction that also stores
     * its state and moves its token (the command bus is local and joins it); a redelivered event
     * re-sends a step only when that transaction, and the step with it, was rolled back. Its deadline
     * re-sends settle and reverse, which find nothing in {@code transfersInFlight} once done, and a
     * credit only while the saga's state says none landed: that state is committed in one transaction
     * with any credit the saga sent, and the deadline reads it under the saga's row lock. A debit or
     * credit can therefore arrive again only from a sender that read the saga's state before the step
     * committed (a node whose claim lapsed, or a lock that did not hold), inside a transaction PostgreSQL ends after
     * {@code ledgerline.event-store.transaction-timeout}. The step's own transaction began at most
     * one such bound before its commit, the repeat's ends at most one bound after it: a step is
     * repeated within twice the bound of its event's time. Two minutes is more than twice the
     * default bound (40 s) with 40 s to spare for clocks of several nodes that differ; a longer
     * bound is refused at startup. What is kept is what one account finishes in two minutes, however
     * long it lives.
     */
    public static final Duration FINISHED_TRANSFERS_KEPT_FOR = Duration.ofMinutes(2);

    enum Status { OPEN, FROZEN, CLOSED }

    @AggregateIdentifier
    private AccountId accountId;
    /** Whose key seals the free text of this account's bookings. */
    private CustomerId owner;
    private Currency currency;
    private Money balance;
    private Money overdraftLimit;
    private Status status;
    /** Transfers debited here whose debit was neither settled nor reversed yet. */
    private Map<String, Money> transfersInFlight = new HashMap<>();
    /** Transfers whose debit here was settled or reversed, for {@link #FINISHED_TRANSFERS_KEPT_FOR}. */
    private FinishedTransfers debitsFinished = new FinishedTransfers();
    /** Transfers credited here, for {@link #FINISHED_TRANSFERS_KEPT_FOR}. */
    private FinishedTransfers creditsReceived = new FinishedTransfers();
    private long version;

    protected Account() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Account(OpenAccountCommand command, CustomerDirectory customers, MoneyRange range) {
        CustomerStanding standing = customers.standingOf(command.customerId());
        if (standing == CustomerStanding.UNKNOWN) {
            throw new UnknownCustomer(command.customerId());
        }
        if (standing == CustomerStanding.ERASED) {
            throw new CustomerIsErased(command.customerId());
        }
        Currency currency = command.currency();
        if (!SupportedCurrencies.isSupported(currency)) {
            throw new UnsupportedCurrency(currency);
        }
        BigDecimal limit = command.overdraftLimit() == null ? BigDecimal.ZERO : command.overdraftLimit();
        apply(new AccountOpened(command.accountId(), command.customerId(), currency, validLimit(limit, currency, range)));
    }

    @CommandHandler
    public long deposit(DepositMoneyCommand command, MoneyRange range, PersonalDataVault vault) {
        requireNotClosed();
        Money amount = Amounts.positive(command.amount(), command.currency(), currency, range);
        List<PersonalData> text = vault.sealUnlessErased(owner, List.of(
                new FieldText(PersonalDataField.DESCRIPTION, BookingTextRules.description(command.description())),
                new FieldText(PersonalDataField.REFERENCE, BookingTextRules.reference(command.reference())),
                new FieldText(PersonalDataField.EXTERNAL_REFERENCE,
                        BookingTextRules.externalReference(command.externalReference()))));
        apply(new MoneyDeposited(accountId, owner, amount, balance.plus(amount), text.get(0), text.get(1), text.get(2)));
        return version;
    }

    @CommandHandler
    public long withdraw(WithdrawMoneyCommand command, MoneyRange range, PersonalDataVault vault) {
        requireOpen();
        Money amount = Amounts.positive(command.amount(), command.currency(), currency, range);
        requireFundsFor(amount);
        List<PersonalData> text = vault.sealUnlessErased(owner, List.of(
                new FieldText(PersonalDataField.DESCRIPTION, BookingTextRules.description(command.description())),
                new FieldText(PersonalDataField.EXTERNAL_REFERENCE,
                        BookingTextRules.externalReference(command.externalReference()))));
        apply(new MoneyWithdrawn(accountId, owner, amount, balance.minus(amount), text.get(0), text.get(1)));
        return version;
    }

    @CommandHandler
    public long freeze(FreezeAccountCommand command) {
        requireNotClosed();
        if (status == Status.OPEN) {
            apply(new AccountFrozen(accountId));
        }
        return version;
    }

    @CommandHandler
    public long unfreeze(UnfreezeAccountCommand command) {
        requireNotClosed();
        if (status == Status.FROZEN) {
            apply(new AccountUnfrozen(accountId));
        }
        return version;
    }

    @CommandHandler
    public long changeOverdraftLimit(ChangeOverdraftLimitCommand command, MoneyRange range) {
        requireNotClosed();
        if (command.overdraftLimit() == null) {
            throw new InvalidOverdraftLimit(BigDecimal.ZERO, "a limit is required");
        }
        Money limit = validLimit(command.overdraftLimit(), currency, range);
        if (balance.isNegative() && limit.compareTo(balance.negate()) < 0) {
            throw new InvalidOverdraftLimit(limit.amount(),
                    "the account is overdrawn by " + balance.negate() + " and the limit cannot go below that");
        }
        if (!limit.equals(overdraftLimit)) {
            apply(new OverdraftLimitChanged(accountId, limit));
        }
        return version;
    }

    @CommandHandler
    public long close(CloseAccountCommand command) {
        requireNotClosed();
        if (!balance.isZero()) {
            throw new BalanceNotZero(accountId, balance);
        }
        if (!transfersInFlight.isEmpty()) {
            throw new TransferInFlight(accountId, transfersInFlight.size());
        }
        apply(new AccountClosed(accountId));
        return version;
    }

    @CommandHandler
    public long debitForTransfer(DebitAccountForTransferCommand command) {
        String transferId = command.transferId().value();
        if (transfersInFlight.containsKey(transferId) || debitsFinished.contains(transferId)) {
            return version; // the same transfer asked again: it is debited once
        }
        requireOpen();
        Money amount = Amounts.positive(command.amount().amount(), command.amount().currency(), currency);
        requireFundsFor(amount);
        apply(new AccountDebitedForTransfer(accountId, command.transferId(), amount, balance.minus(amount)));
        return version;
    }

    @CommandHandler
    public long creditForTransfer(CreditAccountForTransferCommand command) {
        if (creditsReceived.contains(command.transferId().value())) {
            return version; // the same transfer asked again: it is credited once
        }
        requireNotClosed();
        Money amount = Amounts.positive(command.amount().amount(), command.amount().currency(), currency);
        apply(new AccountCreditedForTransfer(accountId, command.transferId(), amount, balance.plus(amount)));
        return version;
    }

    @CommandHandler
    public long reverseTransferDebit(ReverseTransferDebitCommand command) {
        Money amount = transfersInFlight.get(command.transferId().value());
        if (amount == null) {
            throw new UnknownTransferDebit(accountId, command.transferId());
        }
        apply(new TransferDebitReversed(accountId, command.transferId(), amount, balance.plus(amount),
                command.reasonCode()));
        return version;
    }

    @CommandHandler
    public long settleTransferDebit(SettleTransferDebitCommand command) {
        if (!transfersInFlight.containsKey(command.transferId().value())) {
            throw new UnknownTransferDebit(accountId, command.transferId());
        }
        apply(new TransferDebitSettled(accountId, command.transferId()));
        return version;
    }

    private void requireNotClosed() {
        if (status == Status.CLOSED) {
            throw new AccountIsClosed(accountId);
        }
    }

    private void requireOpen() {
        requireNotClosed();
        if (status == Status.FROZEN) {
            throw new AccountIsFrozen(accountId);
        }
    }

    private void requireFundsFor(Money amount) {
        Money available = balance.plus(overdraftLimit);
        if (available.compareTo(amount) < 0) {
            throw new InsufficientFunds(accountId, amount, available);
        }
    }

    private static Money validLimit(BigDecimal limit, Currency currency, MoneyRange range) {
        if (limit.signum() < 0) {
            throw new InvalidOverdraftLimit(limit, "it cannot be negative");
        }
        if (!Money.fitsMinorUnits(limit, currency)) {
            throw new InvalidOverdraftLimit(limit, "it has more decimals than " + currency + " allows");
        }
        range.requireWithin(limit, currency);
        return new Money(limit, currency);
    }

    @EventSourcingHandler
    void on(AccountOpened event, @SequenceNumber long sequence) {
        accountId = event.accountId();
        owner = event.customerId();
        currency = event.currency();
        balance = Money.zero(event.currency());
        overdraftLimit = event.overdraftLimit();
        status = Status.OPEN;
        version = sequence;
    }

    @EventSourcingHandler
    void on(MoneyDeposited event, @SequenceNumber long sequence) {
        balance = event.balance();
        version = sequence;
    }

    @EventSourcingHandler
    void on(MoneyWithdrawn event, @SequenceNumber long sequence) {
        balance = event.balance();
        version = sequence;
    }

    @EventSourcingHandler
    void on(AccountFrozen event, @SequenceNumber long sequence) {
        status = Status.FROZEN;
        version = sequence;
    }

    @EventSourcingHandler
    void on(AccountUnfrozen event, @SequenceNumber long sequence) {
        status = Status.OPEN;
        version = sequence;
    }

    @EventSourcingHandler
    void on(OverdraftLimitChanged event, @SequenceNumber long sequence) {
        overdraftLimit = event.overdraftLimit();
        version = sequence;
    }

    @EventSourcingHandler
    void on(AccountClosed event, @SequenceNumber long sequence) {
        status = Status.CLOSED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(AccountDebitedForTransfer event, @SequenceNumber long sequence, @Timestamp Instant at) {
        forgetFinishedTransfers(at);
        balance = event.balance();
        transfersInFlight.put(event.transferId().value(), event.amount());
        version = sequence;
    }

    @EventSourcingHandler
    void on(AccountCreditedForTransfer event, @SequenceNumber long sequence, @Timestamp Instant at) {
        forgetFinishedTransfers(at);
        balance = event.balance();
        creditsReceived.add(event.transferId().value(), at);
        version = sequence;
    }

    @EventSourcingHandler
    void on(TransferDebitReversed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        forgetFinishedTransfers(at);
        balance = event.balance();
        transfersInFlight.remove(event.transferId().value());
        debitsFinished.add(event.transferId().value(), at);
        version = sequence;
    }

    @EventSourcingHandler
    void on(TransferDebitSettled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        forgetFinishedTransfers(at);
        transfersInFlight.remove(event.transferId().value());
        debitsFinished.add(event.transferId().value(), at);
        version = sequence;
    }

    private void forgetFinishedTransfers(Instant now) {
        debitsFinished.forgetOlderThan(FINISHED_TRANSFERS_KEPT_FOR, now);
        creditsReceived.forgetOlderThan(FINISHED_TRANSFERS_KEPT_FOR, now);
    }

    /**
     * Snapshots taken before the windows above kept every transfer ever debited or credited here,
     * without times: they are taken over and dated by the next transfer event, so they are
     * remembered at least as long as a transfer finished then.
     */
    @JsonSetter("transfersDebited")
    private void takeOverDebitedTransfers(Set<String> transferIds) {
        debitsFinished.addUndated(transferIds);
    }

    @JsonSetter("transfersCredited")
    private void takeOverCreditedTransfers(Set<String> transferIds) {
        creditsReceived.addUndated(transferIds);
    }
}
