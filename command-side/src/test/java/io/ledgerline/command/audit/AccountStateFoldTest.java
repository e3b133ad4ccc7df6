package io.ledgerline.command.audit;

import static io.ledgerline.command.account.AccountEvents.ACCOUNT;
import static io.ledgerline.command.account.AccountEvents.EUR;
import static io.ledgerline.command.account.AccountEvents.OWNER;
import static io.ledgerline.command.account.AccountEvents.closed;
import static io.ledgerline.command.account.AccountEvents.creditedForTransfer;
import static io.ledgerline.command.account.AccountEvents.debitReversed;
import static io.ledgerline.command.account.AccountEvents.debitSettled;
import static io.ledgerline.command.account.AccountEvents.debitedForTransfer;
import static io.ledgerline.command.account.AccountEvents.deposited;
import static io.ledgerline.command.account.AccountEvents.eur;
import static io.ledgerline.command.account.AccountEvents.frozen;
import static io.ledgerline.command.account.AccountEvents.opened;
import static io.ledgerline.command.account.AccountEvents.overdraftLimitChanged;
import static io.ledgerline.command.account.AccountEvents.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.command.audit.AccountState.Status;
import io.ledgerline.events.AccountUnfrozen;
import io.ledgerline.events.TransferId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountStateFoldTest {

    private static final TransferId TRANSFER = TransferId.of("tr-1");

    /** v0 open, v1 +100, v2 -30, v3 frozen, v4 limit 50, v5 unfrozen, v6 -100 into the overdraft. */
    private final List<RecordedEvent> history = History.of(
            opened(ACCOUNT),
            deposited(ACCOUNT, "100", "100"),
            withdrawn(ACCOUNT, "30", "70"),
            frozen(ACCOUNT),
            overdraftLimitChanged(ACCOUNT, "50"),
            new AccountUnfrozen(ACCOUNT),
            withdrawn(ACCOUNT, "100", "-30"));

    private AccountState at(PointInHistory point) {
        return Replay.upTo(history, point, new AccountStateFold()).orElseThrow();
    }

    @Nested
    class AtAVersion {

        @Test
        void startsOpenWithZeroBalanceAndTheOpeningLimit() {
            AccountState opened = at(PointInHistory.atVersion(0));

            assertThat(opened).isEqualTo(new AccountState(ACCOUNT.value(), OWNER.value(), EUR, eur("0"), eur("0"),
                    eur("0"), Status.OPEN, 0, History.at(0)));
        }

        @Test
        void takesTheBalanceOfEachBooking() {
            assertThat(at(PointInHistory.atVersion(1)).balance()).isEqualTo(eur("100"));
            assertThat(at(PointInHistory.atVersion(2)).balance()).isEqualTo(eur("70"));
        }

        @Test
        void freezesWithoutTouchingTheBalance() {
            AccountState frozen = at(PointInHistory.atVersion(3));

            assertThat(frozen.status()).isEqualTo(Status.FROZEN);
            assertThat(frozen.balance()).isEqualTo(eur("70"));
            assertThat(frozen.version()).isEqualTo(3);
            assertThat(frozen.lastEventAt()).isEqualTo(History.at(3));
        }

        @Test
        void countsTheOverdraftLimitIntoTheAvailableBalance() {
            AccountState withLimit = at(PointInHistory.atVersion(4));

            assertThat(withLimit.overdraftLimit()).isEqualTo(eur("50"));
            assertThat(withLimit.availableBalance()).isEqualTo(eur("120"));
        }

        @Test
        void goesIntoTheOverdraftAfterUnfreezing() {
            AccountState overdrawn = at(PointInHistory.atVersion(6));

            assertThat(overdrawn.status()).isEqualTo(Status.OPEN);
            assertThat(overdrawn.balance()).isEqualTo(eur("-30"));
            assertThat(overdrawn.availableBalance()).isEqualTo(eur("20"));
            assertThat(overdrawn.version()).isEqualTo(6);
        }
    }

    @Nested
    class AtAnInstant {

        @Test
        void includesAnEventAtExactlyThatInstant() {
            assertThat(at(PointInHistory.asOf(History.at(2))).version()).isEqualTo(2);
        }

        @Test
        void answersTheLastVersionBeforeAnInstantBetweenEvents() {
            AccountState between = at(PointInHistory.asOf(History.at(3).minusNanos(1)));

            assertThat(between.version()).isEqualTo(2);
            assertThat(between.status()).isEqualTo(Status.OPEN);
        }

        @Test
        void answersTheLatestStateLongAfterTheLastEvent() {
            assertThat(at(PointInHistory.asOf(History.at(1000))).version()).isEqualTo(6);
        }

        @Test
        void hasNoStateBeforeTheAccountWasOpened() {
            assertThat(Replay.upTo(history, PointInHistory.asOf(History.START.minusMillis(1)), new AccountStateFold()))
                    .isEmpty();
        }
    }

    @Test
    void followsTransfersAndClosing() {
        List<RecordedEvent> transfers = History.of(
                opened(ACCOUNT),
                creditedForTransfer(ACCOUNT, TRANSFER, "40", "40"),
                debitedForTransfer(ACCOUNT, TRANSFER, "40", "0"),
                debitReversed(ACCOUNT, TRANSFER, "40", "40", "INSUFFICIENT_FUNDS"),
                debitedForTransfer(ACCOUNT, TRANSFER, "40", "0"),
                debitSettled(ACCOUNT, TRANSFER),
                closed(ACCOUNT));

        assertThat(Replay.upTo(transfers, PointInHistory.atVersion(3), new AccountStateFold()).orElseThrow().balance())
                .isEqualTo(eur("40"));
        AccountState settled = Replay.upTo(transfers, PointInHistory.atVersion(5), new AccountStateFold()).orElseThrow();
        assertThat(settled.balance()).isEqualTo(eur("0"));
        assertThat(settled.version()).isEqualTo(5);
        assertThat(settled.status()).as("settling a debit leaves the account open").isEqualTo(Status.OPEN);
        assertThat(Replay.upTo(transfers, PointInHistory.atVersion(6), new AccountStateFold()).orElseThrow().status())
                .isEqualTo(Status.CLOSED);
    }

    @Test
    void refusesAHistoryThatDoesNotStartWithTheOpening() {
        assertThatThrownBy(() -> Replay.upTo(History.of(deposited(ACCOUNT, "1", "1")), PointInHistory.atVersion(0),
                new AccountStateFold())).isInstanceOf(IllegalStateException.class);
    }
}
