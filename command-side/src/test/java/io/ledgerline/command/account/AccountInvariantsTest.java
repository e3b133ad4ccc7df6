package io.ledgerline.command.account;

import static io.ledgerline.command.account.AccountEvents.ACCOUNT;
import static io.ledgerline.command.account.AccountEvents.EUR;
import static io.ledgerline.command.account.AccountEvents.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.command.customer.InMemoryCustomerDirectory;
import io.ledgerline.command.customer.InMemoryPersonalDataVault;
import io.ledgerline.command.domain.MoneyRange;
import io.ledgerline.events.AccountClosed;
import io.ledgerline.events.AccountCreditedForTransfer;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.OverdraftLimitChanged;
import io.ledgerline.events.TransferDebitReversed;
import io.ledgerline.events.TransferId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;

/**
 * Random command sequences on one account never break its invariants: the balance stays at or
 * above minus the overdraft limit, nothing happens after closing, and the money that came in minus
 * the money that went out equals the balance.
 */
class AccountInvariantsTest {

    @Property(tries = 60)
    void randomCommandSequencesKeepTheInvariants(@ForAll("commands") @Size(max = 25) List<Object> commands) {
        List<Object> history = new ArrayList<>();
        history.add(new AccountOpened(ACCOUNT, OWNER, EUR, Money.of("50", "EUR")));
        for (Object command : commands) {
            history.addAll(eventsOf(history, command));
            assertInvariants(history);
        }
    }

    private static List<Object> eventsOf(List<Object> history, Object command) {
        FixtureConfiguration<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(new InMemoryCustomerDirectory().active(OWNER));
        fixture.registerInjectableResource(new InMemoryPersonalDataVault());
        fixture.registerInjectableResource(MoneyRange.upTo("1000000000.00"));
        List<Object> emitted = new ArrayList<>();
        fixture.given(history).when(command).expectEventsMatching(Matchers.predicate(events -> {
            for (Object event : (List<?>) events) {
                emitted.add(((EventMessage<?>) event).getPayload());
            }
            return true;
        }));
        return emitted;
    }

    private static void assertInvariants(List<Object> history) {
        Money balance = Money.zero(EUR);
        Money limit = Money.zero(EUR);
        BigDecimal in = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        boolean closed = false;
        for (Object event : history) {
            assertThat(closed).as("an event after AccountClosed: %s", event).isFalse();
            if (event instanceof AccountOpened e) {
                limit = e.overdraftLimit();
            } else if (event instanceof OverdraftLimitChanged e) {
                limit = e.overdraftLimit();
            } else if (event instanceof MoneyDeposited e) {
                in = in.add(e.amount().amount());
                balance = e.balance();
            } else if (event instanceof AccountCreditedForTransfer e) {
                in = in.add(e.amount().amount());
                balance = e.balance();
            } else if (event instanceof TransferDebitReversed e) {
                in = in.add(e.amount().amount());
                balance = e.balance();
            } else if (event instanceof MoneyWithdrawn e) {
                out = out.add(e.amount().amount());
                balance = e.balance();
            } else if (event instanceof AccountDebitedForTransfer e) {
                out = out.add(e.amount().amount());
                balance = e.balance();
            } else if (event instanceof AccountClosed) {
                closed = true;
                assertThat(balance.isZero()).as("closed with a balance of %s", balance).isTrue();
            }
            assertThat(balance.compareTo(limit.negate())).as("balance %s below minus the limit %s", balance, limit)
                    .isGreaterThanOrEqualTo(0);
            assertThat(in.subtract(out)).as("money in minus money out").isEqualByComparingTo(balance.amount());
        }
    }

    @Provide
    Arbitrary<List<Object>> commands() {
        Arbitrary<BigDecimal> amounts = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("120")).ofScale(2),
                Arbitraries.of(new BigDecimal("-1"), new BigDecimal("0.001"), BigDecimal.ZERO));
        Arbitrary<TransferId> transfers = Arbitraries.of(TransferId.of("t1"), TransferId.of("t2"), TransferId.of("t3"));
        Arbitrary<Object> command = Arbitraries.oneOf(
                amounts.map(a -> new DepositMoneyCommand(ACCOUNT, a, EUR, "in")),
                amounts.map(a -> new WithdrawMoneyCommand(ACCOUNT, a, EUR, "out")),
                amounts.map(a -> new ChangeOverdraftLimitCommand(ACCOUNT, a)),
                Arbitraries.just(new FreezeAccountCommand(ACCOUNT)),
                Arbitraries.just(new UnfreezeAccountCommand(ACCOUNT)),
                Arbitraries.just(new CloseAccountCommand(ACCOUNT)),
                net.jqwik.api.Combinators.combine(transfers, amounts.filter(a -> a.signum() > 0 && a.scale() <= 2))
                        .as((t, a) -> new DebitAccountForTransferCommand(ACCOUNT, t, new Money(a, EUR))),
                net.jqwik.api.Combinators.combine(transfers, amounts.filter(a -> a.signum() > 0 && a.scale() <= 2))
                        .as((t, a) -> new CreditAccountForTransferCommand(ACCOUNT, t, new Money(a, EUR))),
                transfers.map(t -> new ReverseTransferDebitCommand(ACCOUNT, t, "X")),
                transfers.map(t -> new SettleTransferDebitCommand(ACCOUNT, t)));
        return command.list();
    }
}
